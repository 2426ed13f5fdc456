/** Applying timers, the resident's replies, and late results of branches a join cancelled. */
import { emit, system, type Draft, type EventOf } from './draft.js';
import { enterNode } from './enter.js';
import { onEscalationTimer } from './escalate.js';
import { getNodeOfType } from './nodes.js';
import type { EngineEvent, TokenWait } from './types.js';

const expects: Partial<Record<EngineEvent['type'], TokenWait['on']>> = {
  decisionEvaluated: 'decision',
  assignmentEvaluated: 'assignment',
  taskCreated: 'taskCreated',
  actionDone: 'actionDone',
  actionFailed: 'actionDone',
};

/** True when the event reports on a token a join cancelled (the result is dropped; a late task row cancelled). */
export function droppedLate(draft: Draft, event: EngineEvent): boolean {
  const on = expects[event.type];
  if (on === undefined || !('node' in event)) return false;
  const { state } = draft;
  const count = state.dropped?.[event.node] ?? 0;
  if (count === 0 || state.tokens.some((t) => t.node === event.node && t.wait.on === on)) return false;
  const rest = { ...state.dropped };
  if (count > 1) rest[event.node] = count - 1;
  else delete rest[event.node];
  state.dropped = rest;
  if (event.type === 'taskCreated')
    emit(draft, { type: 'cancelTask', node: event.node, taskId: event.taskId });
  return true;
}

/** A wait's timer moves its token on (a reply's timeout to `on_timeout`); a stale timer changes nothing. */
export function onTimerFired(draft: Draft, event: EventOf<'timerFired'>): void {
  if (onEscalationTimer(draft, event)) return;
  const token = draft.state.tokens.find(
    (t) => (t.wait.on === 'timer' || t.wait.on === 'reply') && t.wait.timerId === event.timerId,
  );
  if (!token) return;
  const node = getNodeOfType(draft.definition, token.node, 'wait');
  if (token.wait.on === 'reply') {
    const next = node.on_timeout ?? node.next;
    note(
      draft,
      token.node,
      `No reply from the resident within ${node.timeout ?? 'the time allowed'}; next ${next}`,
      false,
    );
    return enterNode(draft, next, token.id);
  }
  enterNode(draft, node.next, token.id);
}

/** Records the reply (public, as the resident's) and its text as variables; a wait for it moves on. */
export function onReplyReceived(draft: Draft, event: EventOf<'replyReceived'>): void {
  const { state } = draft;
  state.variables.resident_reply = event.text;
  state.variables.resident_reply_media = event.mediaUrl ?? null;
  const token = state.tokens.find((t) => t.wait.on === 'reply');
  emit(draft, {
    type: 'appendTimeline',
    node: token?.node ?? '',
    kind: 'note',
    summary: event.text,
    description: null,
    public: true,
    actor: { type: 'resident' },
    data: { reply: true, ...(event.mediaUrl ? { mediaUrl: event.mediaUrl } : {}) },
  });
  if (!token) return;
  const node = getNodeOfType(draft.definition, token.node, 'wait');
  enterNode(draft, node.next, token.id);
}

function note(draft: Draft, node: string, summary: string, isPublic: boolean): void {
  emit(draft, {
    type: 'appendTimeline',
    node,
    kind: 'note',
    summary,
    description: null,
    public: isPublic,
    actor: system,
    data: {},
  });
}
