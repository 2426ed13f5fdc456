/** The interpreter: one event in, the next state and the commands to carry out. Pure. */
import type { WorkflowDefinition } from '@civicdesk/schemas';
import { emit, openDraft, system, tokenWaiting, type Draft, type EventOf } from './draft.js';
import { enterNode } from './enter.js';
import { EngineError } from './errors.js';
import { getNode } from './nodes.js';
import { onDecisionEvaluated } from './on-decision.js';
import { onTaskCompleted, onTaskCreated } from './on-task.js';
import type { EngineEvent, EngineState, StepResult } from './types.js';

/** Applies one event; throws EngineError (state untouched) when the event is impossible in this state. */
export function step(definition: WorkflowDefinition, state: EngineState, event: EngineEvent): StepResult {
  if (state.closed) {
    throw new EngineError(
      `The run is closed (${state.resolution ?? state.status}); cannot apply ${event.type}`,
    );
  }
  const draft = openDraft(definition, state);
  switch (event.type) {
    case 'started':
      onStarted(draft);
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

function onActionDone(draft: Draft, event: EventOf<'actionDone'>): void {
  const token = tokenWaiting(draft, event.node, 'actionDone');
  const node = getNode(draft.definition, event.node);
  if (node.type === 'action') {
    if (node.action === 'set_status') draft.state.status = node.status;
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
