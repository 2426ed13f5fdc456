/** The interpreter: one event in, the next state and the commands to carry out. Pure. */
import type { WorkflowDefinition } from '@civicdesk/schemas';
import { emit, openDraft, system, tokenWaiting, type Draft, type EventOf } from './draft.js';
import { emitCreateTask, enterNode, failAction } from './enter.js';
import { EngineError } from './errors.js';
import { getNode, getNodeOfType } from './nodes.js';
import { onDecisionEvaluated } from './on-decision.js';
import { onTaskCompleted, onTaskCreated } from './on-task.js';
import { droppedLate, onReplyReceived, onTimerFired } from './on-wait.js';
import { onTaskTransferred } from './transfer.js';
import type { EngineEvent, EngineState, StepResult } from './types.js';

/** Applies one event; throws EngineError (state untouched) when the event is impossible in this state. */
export function step(definition: WorkflowDefinition, state: EngineState, event: EngineEvent): StepResult {
  if (state.closed) {
    throw new EngineError(
      `The run is closed (${state.resolution ?? state.status}); cannot apply ${event.type}`,
    );
  }
  const draft = openDraft(definition, state);
  if (droppedLate(draft, event)) return { state: draft.state, commands: draft.commands };
  switch (event.type) {
    case 'started':
      onStarted(draft);
      break;
    case 'reopened':
      onReopened(draft, event);
      break;
    case 'decisionEvaluated':
      onDecisionEvaluated(draft, event);
      break;
    case 'taskCreated':
      onTaskCreated(draft, event);
      break;
    case 'taskCompleted':
      onTaskCompleted(draft, event);
      break;
    case 'actionDone':
      onActionDone(draft, event);
      break;
    case 'actionFailed':
      onActionFailed(draft, event);
      break;
    case 'assignmentEvaluated':
      onAssignmentEvaluated(draft, event);
      break;
    case 'timerFired':
      onTimerFired(draft, event);
      break;
    case 'replyReceived':
      onReplyReceived(draft, event);
      break;
    case 'taskTransferred':
      onTaskTransferred(draft, event);
      break;
    default:
      throw new EngineError(`Unknown event type "${(event as { type: string }).type}"`);
  }
  return { state: draft.state, commands: draft.commands };
}

function onStarted(draft: Draft): void {
  if (draft.state.started) throw new EngineError('The run has already started');
  draft.state.started = true;
  const { ref } = draft.state;
  emit(draft, {
    type: 'appendTimeline',
    node: draft.definition.start,
    kind: 'note',
    summary: `Workflow ${ref.workflow} v${ref.version} started`,
    description: null,
    public: false,
    actor: system,
    data: { ...ref },
  });
  enterNode(draft, draft.definition.start);
}

function onReopened(draft: Draft, event: EventOf<'reopened'>): void {
  if (draft.state.started) throw new EngineError('The run has already started');
  const resumeAt = draft.definition.reopen;
  if (resumeAt === undefined) {
    throw new EngineError(
      `Workflow "${draft.definition.workflow}" has no reopen node; requests cannot be reopened`,
    );
  }
  draft.state.started = true;
  draft.state.status = 'reopen';
  emit(draft, { type: 'reopenRequest', node: resumeAt, reason: event.reason, by: event.by });
  enterNode(draft, resumeAt);
}

function onActionDone(draft: Draft, event: EventOf<'actionDone'>): void {
  const token = tokenWaiting(draft, event.node, 'actionDone');
  const node = getNode(draft.definition, event.node);
  if (node.type === 'action') {
    if (node.action === 'set_status') draft.state.status = node.status;
    if (node.action === 'webhook') {
      if (node.save_as !== undefined) draft.state.variables[node.save_as] = event.result ?? null;
      actionNote(
        draft,
        event.node,
        `${node.title ?? event.node}: ${node.method ?? 'POST'} ${node.url} succeeded`,
      );
    }
    if (node.action === 'notify') {
      actionNote(draft, event.node, `Resident notified (${node.template}, ${node.channel ?? 'email'})`);
    }
    enterNode(draft, node.next, token.id);
    return;
  }
  if (node.type === 'end') {
    // An end node closes the request, so it ends every token, not just its own.
    draft.state.tokens = [];
    draft.state.status = node.status ?? 'closed';
    draft.state.resolution = node.resolution;
    draft.state.closed = true;
    return;
  }
  throw new EngineError(
    `Node "${event.node}" is a ${node.type} node; actionDone applies to action and end nodes`,
  );
}

function onActionFailed(draft: Draft, event: EventOf<'actionFailed'>): void {
  const token = tokenWaiting(draft, event.node, 'actionDone');
  const node = getNodeOfType(draft.definition, event.node, 'action');
  if (node.action === 'webhook')
    return failAction(draft, event.node, node.on_failure, event.reason, token.id);
  if (node.action === 'link_duplicate') {
    return failAction(draft, event.node, node.on_failure ?? node.next, event.reason, token.id);
  }
  throw new EngineError(`Action "${event.node}" (${node.action}) cannot fail: ${event.reason}`);
}

function onAssignmentEvaluated(draft: Draft, event: EventOf<'assignmentEvaluated'>): void {
  const token = tokenWaiting(draft, event.node, 'assignment');
  const node = getNodeOfType(draft.definition, event.node, 'task');
  const rules = node.assign_rules ?? [];
  const rule = event.matchedRule === null ? undefined : rules[event.matchedRule];
  if (event.matchedRule !== null && !rule) {
    throw new EngineError(
      `Task "${event.node}" has no assignment rule ${event.matchedRule} (it has ${rules.length})`,
    );
  }
  const assign = rule ? rule.assign : node.assign;
  token.assign = { ...assign };
  token.wait = { on: 'taskCreated' };
  emitCreateTask(draft, event.node, node, token.visit, assign);
}

/** A staff-only timeline note about an automatic step. */
function actionNote(draft: Draft, node: string, summary: string): void {
  emit(draft, {
    type: 'appendTimeline',
    node,
    kind: 'note',
    summary,
    description: null,
    public: false,
    actor: system,
    data: {},
  });
}
