/** Entering a node: count the visit, record the path, park a token and emit what the node needs done. */
import { emit, type Draft } from './draft.js';
import { EngineError } from './errors.js';
import { getNode } from './nodes.js';
import type { TokenWait } from './types.js';

/** Places a token (new or moved, by id) on `nodeId` and emits the node's commands. */
export function enterNode(draft: Draft, nodeId: string, tokenId?: number): void {
  const { state } = draft;
  const node = getNode(draft.definition, nodeId);
  const visit = (state.visits[nodeId] ?? 0) + 1;
  state.visits[nodeId] = visit;
  state.path.push(nodeId);
  const park = (wait: TokenWait) => {
    const id = tokenId ?? state.nextTokenId++;
    state.tokens = [...state.tokens.filter((t) => t.id !== id), { id, node: nodeId, visit, wait }];
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
      park({ on: 'taskCreated' });
      return emit(draft, {
        type: 'createTask',
        node: nodeId,
        visit,
        title: node.title,
        description: node.description ?? null,
        kind: node.kind ?? 'work',
        department: node.assign.department,
        role: node.assign.role ?? null,
        sla: node.sla ?? null,
        outcomes: Object.keys(node.outcomes),
      });
    case 'action':
      park({ on: 'actionDone' });
      if (node.action === 'set_status') {
        return emit(draft, { type: 'setStatus', node: nodeId, status: node.status, note: node.note ?? null });
      }
      if (node.action === 'note') {
        return emit(draft, { type: 'addNote', node: nodeId, note: node.note, public: node.public ?? true });
      }
      throw new EngineError(
        `Action "${(node as { action: string }).action}" at "${nodeId}" is not supported yet`,
      );
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
