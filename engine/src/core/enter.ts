/** Entering a node: count the visit, record the path, park a token and emit what the node needs done. */
import type { ActionNode, Assignee, TaskNode } from '@civicdesk/schemas';
import { arriveAtJoin } from './join.js';
import { enterWait } from './wait.js';
import { emit, system, type Draft } from './draft.js';
import { EngineError } from './errors.js';
import { getNode } from './nodes.js';
import { lookup, renderAll, renderTemplate } from './template.js';
import type { TokenWait } from './types.js';

/** Places a token (new or moved, by id) on `nodeId` and emits the node's commands. */
export function enterNode(draft: Draft, nodeId: string, tokenId?: number): void {
  const { state } = draft;
  const node = getNode(draft.definition, nodeId);
  const visit = (state.visits[nodeId] ?? 0) + 1;
  state.visits[nodeId] = visit;
  state.path.push(nodeId);
  const id = tokenId ?? state.nextTokenId++;
  const forks = state.tokens.find((t) => t.id === id)?.forks;
  const park = (wait: TokenWait) => {
    const token = { id, node: nodeId, visit, wait, ...(forks && forks.length > 0 ? { forks } : {}) };
    state.tokens = [...state.tokens.filter((t) => t.id !== id), token];
  };
  switch (node.type) {
    case 'decision':
      park({ on: 'decision' });
      return emit(draft, {
        type: 'evaluateDecision',
        node: nodeId,
        rules: node.rules,
        default: node.default ?? null,
      });
    case 'task':
      if (node.assign_rules && node.assign_rules.length > 0) {
        park({ on: 'assignment' });
        return emit(draft, { type: 'evaluateAssignment', node: nodeId, rules: node.assign_rules });
      }
      park({ on: 'taskCreated' });
      return emitCreateTask(draft, nodeId, node, visit, node.assign);
    case 'action':
      park({ on: 'actionDone' });
      return enterAction(draft, nodeId, node, id);
    case 'wait':
      return enterWait(draft, nodeId, node, park);
    case 'parallel':
      state.tokens = state.tokens.filter((t) => t.id !== id);
      for (const branch of node.branches) {
        const child = state.nextTokenId++;
        const wait = { on: 'actionDone' } as const;
        const token = {
          id: child,
          node: nodeId,
          visit,
          wait,
          forks: [...(forks ?? []), `${nodeId}:${visit}`],
        };
        state.tokens.push(token);
        enterNode(draft, branch, child);
      }
      return;
    case 'join':
      park({ on: 'join' });
      return arriveAtJoin(draft, nodeId, node, id);
    case 'end':
      park({ on: 'actionDone' });
      return emit(draft, {
        type: 'close',
        node: nodeId,
        resolution: node.resolution,
        status: node.status ?? 'closed',
        message: node.message ?? null,
      });
    default:
      throw new EngineError(
        `Node type "${(node as { type: string }).type}" at "${nodeId}" is not supported yet`,
      );
  }
}

/** The createTask command for a task node, assigned to `assign` (the node's, or the one a rule picked). */
export function emitCreateTask(
  draft: Draft,
  nodeId: string,
  node: TaskNode,
  visit: number,
  assign: Assignee,
): void {
  emit(draft, {
    type: 'createTask',
    node: nodeId,
    visit,
    title: node.title,
    description: node.description ?? null,
    kind: node.kind ?? 'work',
    department: assign.department,
    role: assign.role ?? null,
    sla: node.sla ?? null,
    outcomes: Object.keys(node.outcomes),
    form: node.form ?? [],
  });
}

function enterAction(draft: Draft, nodeId: string, node: ActionNode, id: number): void {
  const { state } = draft;
  const facts = state.facts ?? {};
  switch (node.action) {
    case 'set_status':
      return emit(draft, { type: 'setStatus', node: nodeId, status: node.status, note: node.note ?? null });
    case 'note':
      return emit(draft, { type: 'addNote', node: nodeId, note: node.note, public: node.public ?? true });
    case 'notify':
      return emit(draft, {
        type: 'notify',
        node: nodeId,
        template: node.template,
        channel: node.channel ?? 'email',
        data: renderAll(node.data ?? {}, facts, state.variables),
      });
    case 'set_variable': {
      const value =
        node.template !== undefined ? renderTemplate(node.template, facts, state.variables) : node.value;
      state.variables[node.variable] = value;
      return emit(draft, { type: 'setVariable', node: nodeId, variable: node.variable, value });
    }
    case 'transfer':
      return emit(draft, {
        type: 'transfer',
        node: nodeId,
        department: node.department,
        note: node.note ?? null,
      });
    case 'link_duplicate': {
      const original = lookup(node.of, facts, state.variables);
      if (typeof original === 'string' || typeof original === 'number') {
        return emit(draft, { type: 'linkDuplicate', node: nodeId, duplicateOf: String(original) });
      }
      // Without on_failure the run still goes on (the note tells staff): a stuck request is worse.
      return failAction(draft, nodeId, node.on_failure ?? node.next, `${node.of} holds no request id`, id);
    }
    case 'webhook':
      return emit(draft, {
        type: 'callWebhook',
        node: nodeId,
        url: node.url,
        method: node.method ?? 'POST',
        headers: node.headers ?? {},
        body:
          node.method === 'GET'
            ? null
            : node.body
              ? renderAll(node.body, facts, state.variables)
              : { facts, variables: state.variables },
        timeout: node.timeout ?? 'PT10S',
        retries: node.retries ?? 3,
      });
    default:
      throw new EngineError(
        `Action "${(node as { action: string }).action}" at "${nodeId}" is not supported yet`,
      );
  }
}

/** Records why an action failed (staff-only) and moves its token to the action's `on_failure` node. */
export function failAction(
  draft: Draft,
  nodeId: string,
  onFailure: string,
  reason: string,
  tokenId: number,
): void {
  emit(draft, {
    type: 'appendTimeline',
    node: nodeId,
    kind: 'note',
    summary: `${draft.definition.nodes[nodeId]?.title ?? nodeId} failed: ${reason}; next ${onFailure}`,
    description: null,
    public: false,
    actor: system,
    data: { failed: true, reason, next: onFailure },
  });
  enterNode(draft, onFailure, tokenId);
}
