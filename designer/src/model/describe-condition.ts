/** Decision rules in plain words for the people who own them: "depth ≥ 10 cm and location is Bike lane". */
import type { Condition } from '@civicdesk/schemas';
import { findFact, type Fact } from './fact-catalogue.js';
import { operatorNamed } from './operators.js';

/** Reads a condition tree as a sentence; an empty `all` group reads "always". */
export function describeCondition(condition: Condition, catalogue: readonly Fact[], nested = false): string {
  if ('all' in condition) return group(condition.all, 'and', catalogue, nested) || 'always';
  if ('any' in condition) return group(condition.any, 'or', catalogue, nested) || 'never';
  if ('not' in condition) return `not (${describeCondition(condition.not, catalogue)})`;
  const fact = findFact(catalogue, condition.fact);
  return `${fact.label} ${operatorNamed(condition.operator).words} ${valueWords(fact, condition.value)}`;
}

function group(items: Condition[], joiner: string, catalogue: readonly Fact[], nested: boolean): string {
  const parts = items.map((item) => describeCondition(item, catalogue, true));
  const text = parts.join(` ${joiner} `);
  return nested && parts.length > 1 ? `(${text})` : text;
}

function valueWords(fact: Fact, value: unknown): string {
  if (Array.isArray(value)) return value.map((item) => valueWords(fact, item)).join(', ');
  const choice = fact.choices?.find((option) => option.key === value);
  if (choice) return choice.name;
  if (value === undefined || value === '') return '…';
  return fact.unit && typeof value === 'number' ? `${value} ${fact.unit}` : String(value);
}
