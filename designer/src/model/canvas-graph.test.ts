import { describe, expect, it } from 'vitest';
import { sameStepData, toCanvasGraph } from './canvas-graph.js';
import { moveNodes } from './edit.js';
import { potholeDraft } from './test-fixtures.js';

describe('canvas graph', () => {
  it('draws the same data for a step a move or a selection did not change, and new data for one it did', () => {
    const { definition } = potholeDraft();
    const before = toCanvasGraph(definition);
    const moved = moveNodes(definition, { triage: { x: 999, y: 5 } });
    const after = toCanvasGraph(moved, { counts: new Map([['repair', '3']]) });
    const pairs = before.nodes.map((n, i) => [n, after.nodes[i]!] as const);
    for (const [a, b] of pairs) expect(sameStepData(a.data, b.data)).toBe(a.id !== 'repair');
    expect(after.nodes.find((n) => n.id === 'triage')?.position).toEqual({ x: 999, y: 5 });
  });
});
