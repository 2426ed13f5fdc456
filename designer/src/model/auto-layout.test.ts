import { describe, expect, it } from 'vitest';
import { autoLayout } from './auto-layout.js';
import { potholeDraft } from './test-fixtures.js';

describe('auto-layout', () => {
  it('places every step once, the start left of what follows it, without overlaps', async () => {
    const { definition } = potholeDraft();
    const positions = await autoLayout(definition);
    expect(Object.keys(positions).sort()).toEqual(Object.keys(definition.nodes).sort());
    expect(positions.triage!.x).toBeLessThan(positions.inspect!.x);
    expect(positions.inspect!.x).toBeLessThan(positions['schedule-repair']!.x);
    const spots = new Set(Object.values(positions).map((p) => `${p.x},${p.y}`));
    expect(spots.size).toBe(Object.keys(positions).length);
  });
});
