/**
 * Decision rules through json-rules-engine. Not importable from workflow code (jsonpath-plus pulls
 * node:vm): the Temporal workflow reaches this through a local activity.
 */
import { Engine, type TopLevelCondition } from 'json-rules-engine';
import type { Condition } from '@civicdesk/schemas';
import type { DecisionRule } from '../core/index.js';
import type { Facts } from './facts.js';

export interface DecisionResult {
  /** Index of the first rule that matched, or null when none did. */
  matchedRule: number | null;
  /** The node to go to: the matched rule's `next`, else the default, else null. */
  next: string | null;
}

const toTopLevel = (when: Condition): TopLevelCondition =>
  ('all' in when || 'any' in when || 'not' in when ? when : { all: [when] }) as TopLevelCondition;

/** Tries the rules in order against the facts; the first that matches wins. Missing facts read as undefined. */
export async function evaluateRules(
  rules: readonly DecisionRule[],
  defaultNext: string | null | undefined,
  facts: Facts,
): Promise<DecisionResult> {
  if (rules.length === 0) return { matchedRule: null, next: defaultNext ?? null };
  const engine = new Engine([], { allowUndefinedFacts: true });
  rules.forEach((rule, index) => {
    engine.addRule({
      name: rule.name ?? `rule ${index + 1}`,
      conditions: toTopLevel(structuredClone(rule.when)),
      event: { type: 'matched', params: { index } },
    });
  });
  const { events } = await engine.run({ ...facts });
  const matched = events.map((event) => Number(event.params?.index)).sort((a, b) => a - b)[0];
  if (matched === undefined) return { matchedRule: null, next: defaultNext ?? null };
  const rule = rules[matched];
  return { matchedRule: matched, next: rule ? rule.next : null };
}
