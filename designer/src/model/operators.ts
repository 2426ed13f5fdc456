/** json-rules-engine operators offered per fact type, with the words the rule preview uses. */
import type { FactType } from './fact-catalogue.js';

export type Operator = { name: string; words: string; symbol: string; list?: boolean };

const all: Record<string, Operator> = {
  equal: { name: 'equal', words: 'is', symbol: '=' },
  notEqual: { name: 'notEqual', words: 'is not', symbol: '≠' },
  lessThan: { name: 'lessThan', words: '<', symbol: '<' },
  lessThanInclusive: { name: 'lessThanInclusive', words: '≤', symbol: '≤' },
  greaterThan: { name: 'greaterThan', words: '>', symbol: '>' },
  greaterThanInclusive: { name: 'greaterThanInclusive', words: '≥', symbol: '≥' },
  in: { name: 'in', words: 'is one of', symbol: '∈', list: true },
  notIn: { name: 'notIn', words: 'is none of', symbol: '∉', list: true },
  contains: { name: 'contains', words: 'includes', symbol: '∋' },
  doesNotContain: { name: 'doesNotContain', words: 'does not include', symbol: '∌' },
};

const byType: Record<FactType, string[]> = {
  number: ['equal', 'notEqual', 'greaterThanInclusive', 'greaterThan', 'lessThanInclusive', 'lessThan'],
  text: ['equal', 'notEqual', 'in', 'notIn'],
  choice: ['equal', 'notEqual', 'in', 'notIn'],
  choices: ['contains', 'doesNotContain'],
  boolean: ['equal', 'notEqual'],
  date: ['greaterThan', 'lessThan', 'equal'],
};

/** Operators that make sense for a fact of `type`, the first being the natural default. */
export function operatorsFor(type: FactType): Operator[] {
  return byType[type].map((name) => all[name]!);
}

/** An operator by name; unknown (custom) operators read as their name. */
export function operatorNamed(name: string): Operator {
  return all[name] ?? { name, words: name, symbol: name };
}
