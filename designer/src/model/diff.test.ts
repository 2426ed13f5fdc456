import { describe, expect, it } from 'vitest';
import { diffWorkflows, hasChanges } from './diff.js';
import { addNode, connect, deleteNodes, moveNodes } from './edit.js';
import { nodeKinds } from './node-kinds.js';
import { newNodeOf } from './node-templates.js';
import { potholeDraft } from './test-fixtures.js';

const kind = (key: string) => nodeKinds().find((k) => k.key === key)!;

describe('diffWorkflows', () => {
  it('finds nothing between a workflow and itself, nor after only moving nodes', () => {
    const { definition } = potholeDraft();
    expect(hasChanges(diffWorkflows(definition, definition))).toBe(false);
    const moved = moveNodes(definition, { inspect: { x: 999, y: 999 } });
    expect(hasChanges(diffWorkflows(definition, moved))).toBe(false);
  });

  it('reports an added node and its new wire', () => {
    const { definition } = potholeDraft();
    const added = addNode(definition, newNodeOf(kind('end')), { x: 0, y: 0 }, 'close-elsewhere');
    const after = connect(added.definition, 'triage', 'default', 'close-elsewhere');
    const diff = diffWorkflows(definition, after);
    expect(diff.added).toEqual(['close-elsewhere']);
    expect(diff.changed).toEqual(['triage']);
    expect(diff.rewired).toEqual([
      { id: 'triage:default', from: 'triage', field: 'default', to: 'close-elsewhere', before: 'inspect' },
    ]);
    expect(diff.removed).toEqual([]);
  });

  it('reports a removed node, its lost wires and the nodes that pointed at it as changed', () => {
    const { definition } = potholeDraft();
    const after = deleteNodes(definition, ['schedule-repair']);
    const diff = diffWorkflows(definition, after);
    expect(diff.removed).toEqual(['schedule-repair']);
    expect(diff.removedWires.map((w) => w.id)).toContain('schedule-repair:next');
    expect(diff.changed).toContain('inspect');
  });

  it('ignores key order but sees a changed SLA', () => {
    const { definition } = potholeDraft();
    const inspect = definition.nodes.inspect!;
    const reordered = {
      ...definition,
      nodes: {
        ...definition.nodes,
        inspect: Object.fromEntries(Object.entries(inspect).reverse()) as typeof inspect,
      },
    };
    expect(hasChanges(diffWorkflows(definition, reordered))).toBe(false);
    const slower = { ...definition, nodes: { ...definition.nodes, inspect: { ...inspect, sla: 'P9D' } } };
    expect(diffWorkflows(definition, slower).changed).toEqual(['inspect']);
  });
});
