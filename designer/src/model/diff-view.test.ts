import { describe, expect, it } from 'vitest';
import { toCanvasGraph } from './canvas-graph.js';
import { diffView } from './diff-view.js';
import { addNode, deleteNodes } from './edit.js';
import { nodeKinds } from './node-kinds.js';
import { newNodeOf } from './node-templates.js';
import { slaClock } from './sla-clock.js';
import { potholeDraft } from './test-fixtures.js';

const kind = (key: string) => nodeKinds().find((k) => k.key === key)!;

describe('diffView', () => {
  it('keeps removed steps on the canvas, marked, next to added and changed ones', () => {
    const { definition } = potholeDraft();
    const removed = deleteNodes(definition, ['schedule-repair']);
    const after = addNode(removed, newNodeOf(kind('end')), { x: 0, y: 0 }, 'close-other').definition;
    const view = diffView(definition, after);
    expect(Object.keys(view.definition.nodes)).toEqual(
      expect.arrayContaining(['schedule-repair', 'close-other']),
    );
    expect(view.definition.layout?.['schedule-repair']).toEqual(definition.layout?.['schedule-repair']);
    expect(view.nodeMarks.get('schedule-repair')).toBe('removed');
    expect(view.nodeMarks.get('close-other')).toBe('added');
    expect(view.nodeMarks.get('inspect')).toBe('changed');
    expect(view.edgeMarks.get('schedule-repair:next')).toBe('removed');

    const graph = toCanvasGraph(view.definition, { marks: view.nodeMarks, edgeMarks: view.edgeMarks });
    expect(graph.nodes.find((n) => n.id === 'close-other')?.data.mark).toBe('added');
    expect(graph.edges.find((e) => e.id === 'schedule-repair:next')?.className).toBe('diff-removed');
  });
});

describe('slaClock', () => {
  const now = new Date('2026-12-04T12:00:00Z');
  it('says how long is left, or how long overdue', () => {
    expect(slaClock('2026-12-06T16:30:00Z', now)).toEqual({ overdue: false, text: '2d 4h left' });
    expect(slaClock('2026-12-04T09:00:00Z', now)).toEqual({ overdue: true, text: 'overdue by 3h 0m' });
    expect(slaClock(null, now)).toBeNull();
  });
});
