/** Wait nodes: a timer (duration or date) or the resident's reply, with an optional timeout. */
import type { WaitNode } from '@civicdesk/schemas';
import { emit, system, type Draft } from './draft.js';
import { instantMs } from './instant.js';
import { lookup } from './template.js';
import type { TokenWait } from './types.js';

/** Parks the token and asks for the timer the wait needs (its number is the command's). */
export function enterWait(
  draft: Draft,
  nodeId: string,
  node: WaitNode,
  park: (wait: TokenWait) => void,
): void {
  const timerId = draft.state.seq + 1;
  if (node.for === 'resident_reply') {
    park({ on: 'reply', timerId: node.timeout ? timerId : null });
    if (node.timeout)
      emit(draft, { type: 'startTimer', node: nodeId, timerId, delay: node.timeout, until: null });
    return note(
      draft,
      nodeId,
      `Waiting for the resident's reply${node.timeout ? ` (up to ${node.timeout})` : ''}`,
    );
  }
  if (node.duration) {
    park({ on: 'timer', timerId });
    return emit(draft, { type: 'startTimer', node: nodeId, timerId, delay: node.duration, until: null });
  }
  const until = resolveInstant(node.until ?? '', draft);
  if (until === null) {
    // Nothing to wait for: the note tells staff why, and a timer of zero moves the request on.
    note(draft, nodeId, `${node.until ?? 'until'} holds no date; not waiting`);
    park({ on: 'timer', timerId: draft.state.seq + 1 });
    return emit(draft, {
      type: 'startTimer',
      node: nodeId,
      timerId: draft.state.seq + 1,
      delay: 'PT0S',
      until: null,
    });
  }
  park({ on: 'timer', timerId });
  return emit(draft, { type: 'startTimer', node: nodeId, timerId, delay: null, until });
}

function resolveInstant(text: string, draft: Draft): string | null {
  if (instantMs(text) !== null) return text;
  const value = lookup(text, draft.state.facts ?? {}, draft.state.variables);
  return typeof value === 'string' && instantMs(value) !== null ? value : null;
}

function note(draft: Draft, node: string, summary: string): void {
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
