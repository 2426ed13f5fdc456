import { describe, expect, it } from 'vitest';
import type { DecisionRule } from '../core/index.js';
import { evaluateRules } from './evaluate.js';
import { buildFacts } from './facts.js';

const rules: DecisionRule[] = [
  {
    name: 'deep',
    when: { all: [{ fact: 'attributes.depth_cm', operator: 'greaterThanInclusive', value: 10 }] },
    next: 'urgent',
  },
  {
    when: {
      any: [
        { fact: 'channel', operator: 'equal', value: 'phone' },
        { fact: 'description', operator: 'equal', value: 'crash' },
      ],
    },
    next: 'call-back',
  },
  { when: { fact: 'variables.escalated', operator: 'equal', value: true }, next: 'supervisor' },
  {
    when: { not: { fact: 'service_code', operator: 'in', value: ['pothole', 'sinkhole'] } },
    next: 'wrong-service',
  },
];
const decide = (request: Parameters<typeof buildFacts>[0], variables?: Record<string, unknown>) =>
  evaluateRules(rules, 'inspect', buildFacts(request, variables));

describe('evaluateRules', () => {
  it('picks the first rule that matches, even when later ones match too', async () => {
    expect(await decide({ service_code: 'pothole', channel: 'phone', attributes: { depth_cm: 10 } })).toEqual(
      { matchedRule: 0, next: 'urgent' },
    );
    expect(await decide({ service_code: 'pothole', channel: 'phone', attributes: { depth_cm: 9 } })).toEqual({
      matchedRule: 1,
      next: 'call-back',
    });
  });
  it('reads variables and accepts a bare fact condition and not-groups', async () => {
    expect(await decide({ service_code: 'pothole' }, { escalated: true })).toEqual({
      matchedRule: 2,
      next: 'supervisor',
    });
    expect(await decide({ service_code: 'graffiti' })).toEqual({ matchedRule: 3, next: 'wrong-service' });
  });
  it('falls back to the default; a missing fact does not satisfy a comparison', async () => {
    expect(await decide({ service_code: 'pothole' })).toEqual({ matchedRule: null, next: 'inspect' });
    expect(await evaluateRules(rules.slice(0, 1), undefined, {})).toEqual({ matchedRule: null, next: null });
    expect(await evaluateRules([], 'inspect', {})).toEqual({ matchedRule: null, next: 'inspect' });
  });
  it('does not change the rules it is given', async () => {
    const copy = structuredClone(rules);
    await decide({ service_code: 'pothole', attributes: { depth_cm: 30 } });
    expect(rules).toEqual(copy);
  });
  it('reports an unknown operator', async () => {
    await expect(
      evaluateRules([{ when: { fact: 'x', operator: 'bigger', value: 1 }, next: 'a' }], null, { x: 2 }),
    ).rejects.toThrow(/bigger/);
  });
});
