/** Applying a decision's result. */
import { emit, system, tokenWaiting, type Draft, type EventOf } from './draft.js';
import { enterNode } from './enter.js';
import { EngineError } from './errors.js';
import { getNodeOfType } from './nodes.js';

/** Moves the token along the matched rule (or the default), after checking the result fits the node. */
export function onDecisionEvaluated(draft: Draft, event: EventOf<'decisionEvaluated'>): void {
  const token = tokenWaiting(draft, event.node, 'decision');
  const node = getNodeOfType(draft.definition, event.node, 'decision');
  let expected: string | null;
  if (event.matchedRule === null) {
    expected = node.default ?? null;
    if (expected === null)
      throw new EngineError(`Decision "${event.node}" matched no rule and has no default`);
  } else {
    const rule = node.rules[event.matchedRule];
    if (!rule) {
      throw new EngineError(
        `Decision "${event.node}" has no rule ${event.matchedRule} (it has ${node.rules.length})`,
      );
    }
    expected = rule.next;
  }
  if (event.next !== expected) {
    throw new EngineError(
      `Decision "${event.node}" leads to "${expected}" for that result, not "${event.next}"`,
    );
  }
  const index = event.matchedRule;
  const rule = index === null ? undefined : node.rules[index];
  const why =
    rule && index !== null
      ? `rule ${index + 1}${rule.name ? ` "${rule.name}"` : ''} matched`
      : 'no rule matched';
  emit(draft, {
    type: 'appendTimeline',
    node: event.node,
    kind: 'decision',
    summary: `${node.title ?? event.node}: ${why}, next ${expected}`,
    description: null,
    public: false,
    actor: system,
    data: { matchedRule: event.matchedRule, next: expected },
  });
  enterNode(draft, expected, token.id);
}
