import { describe, expect, it } from 'vitest';
import { connectionRefusal } from './can-connect.js';
import { exitsOf, NEW_OUTCOME, NEW_RULE } from './exits.js';
import { potholeDraft } from './test-fixtures.js';

describe('exits and connection rules', () => {
  const { definition } = potholeDraft();

  it('gives a decision one exit per rule, its default and a new-rule slot; a task one per outcome', () => {
    expect(exitsOf('triage', definition.nodes.triage!).map((e) => [e.id, e.label])).toEqual([
      ['rules[0].next', 'Park paths are maintained by Parks'],
      ['rules[1].next', 'Deep or on a bike lane'],
      ['default', 'default'],
      [NEW_RULE, '+ rule'],
    ]);
    expect(exitsOf('repair', definition.nodes.repair!).map((e) => e.id)).toEqual([
      'outcomes.repaired',
      'outcomes.needs_resurfacing',
      NEW_OUTCOME,
    ]);
    expect(exitsOf('schedule-repair', definition.nodes['schedule-repair']!).map((e) => e.id)).toEqual([
      'next',
    ]);
    expect(exitsOf('close-fixed', definition.nodes['close-fixed']!)).toEqual([]);
  });

  it('refuses wires the DSL cannot hold', () => {
    expect(
      connectionRefusal(definition, { source: 'close-fixed', sourceHandle: 'next', target: 'triage' }),
    ).toMatch(/end step/);
    expect(
      connectionRefusal(definition, { source: 'repair', sourceHandle: 'next', target: 'triage' }),
    ).toMatch(/exits/);
    expect(
      connectionRefusal(definition, { source: 'triage', sourceHandle: 'default', target: 'triage' }),
    ).toMatch(/Only a task/);
    expect(
      connectionRefusal(definition, { source: 'triage', sourceHandle: 'default', target: 'nowhere' }),
    ).toMatch(/Drop/);
    expect(
      connectionRefusal(definition, { source: 'repair', sourceHandle: NEW_OUTCOME, target: 'repair' }),
    ).toBeNull();
  });
});
