/** Joins: branches of a parallel step meet again; `all` waits for every branch, `first` cancels the rest. */
import type { JoinNode } from '@civicdesk/schemas';
import { emit, system, type Draft } from './draft.js';
// enter.js imports this module too; the cycle is safe because both only call each other at run time.
import { enterNode } from './enter.js';
import type { Token } from './types.js';

/** Waits that mean a command of the token is still being carried out (its result may arrive late). */
const busy = new Set<Token['wait']['on']>(['decision', 'assignment', 'taskCreated', 'actionDone']);

/** The token `id` has parked at `nodeId`; moves on when the join's condition holds. */
export function arriveAtJoin(draft: Draft, nodeId: string, node: JoinNode, id: number): void {
  const { state } = draft;
  const token = state.tokens.find((t) => t.id === id);
  const fork = token?.forks?.at(-1);
  if (!token || fork === undefined) return moveOn(draft, nodeId, node, id, null);
  const siblings = state.tokens.filter((t) => t.id !== id && t.forks?.includes(fork));
  if ((node.mode ?? 'all') === 'all') {
    if (siblings.some((t) => t.node !== nodeId || t.wait.on !== 'join')) return;
  } else {
    for (const sibling of siblings) {
      if (sibling.wait.on === 'taskCompleted') {
        emit(draft, { type: 'cancelTask', node: sibling.node, taskId: sibling.wait.taskId });
      } else if (busy.has(sibling.wait.on)) {
        state.dropped = { ...state.dropped, [sibling.node]: (state.dropped?.[sibling.node] ?? 0) + 1 };
      }
    }
  }
  const gone = new Set(siblings.map((t) => t.id));
  state.tokens = state.tokens.filter((t) => !gone.has(t.id));
  moveOn(draft, nodeId, node, id, fork);
}

function moveOn(draft: Draft, nodeId: string, node: JoinNode, id: number, fork: string | null): void {
  const token = draft.state.tokens.find((t) => t.id === id);
  if (token && fork !== null) {
    const forks = (token.forks ?? []).slice(0, -1);
    if (forks.length > 0) token.forks = forks;
    else delete token.forks;
  }
  emit(draft, {
    type: 'appendTimeline',
    node: nodeId,
    kind: 'note',
    summary: `${node.title ?? nodeId}: ${(node.mode ?? 'all') === 'all' ? 'all branches done' : 'first branch done, others cancelled'}, next ${node.next}`,
    description: null,
    public: false,
    actor: system,
    data: { fork },
  });
  enterNode(draft, node.next, id);
}
