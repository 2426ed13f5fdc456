import { validateWorkflow, workflowEdges } from '@civicdesk/schemas';
import { describe, expect, it } from 'vitest';
import { emptyDraft } from './draft.js';
import { addNode, connect, deleteNodes, disconnect, moveNodes, renameNode } from './edit.js';
import { NEW_OUTCOME, NEW_RULE } from './exits.js';
import { nodeKinds } from './node-kinds.js';
import { newNodeOf } from './node-templates.js';
import { potholeDraft } from './test-fixtures.js';

const kind = (key: string) => nodeKinds().find((k) => k.key === key)!;

describe('edit operations', () => {
  it('builds a valid workflow from nothing: task → outcome → end', () => {
    let { definition } = emptyDraft('pothole-lite');
    const task = addNode(definition, newNodeOf(kind('task'), 'streets'), { x: 0, y: 0 }, 'inspect');
    const end = addNode(task.definition, newNodeOf(kind('end')), { x: 300, y: 0 }, 'close');
    definition = connect(end.definition, 'inspect', NEW_OUTCOME, 'close');
    expect(definition.start).toBe('inspect');
    expect(definition.nodes.inspect).toMatchObject({ outcomes: { done: 'close' } });
    expect(validateWorkflow(definition, { departments: [{ code: 'streets' }] })).toEqual([]);
  });

  it('adds decision rules from the rule slot, and a default from its handle', () => {
    const { definition } = potholeDraft();
    const withRule = connect(definition, 'triage', NEW_RULE, 'close-duplicate');
    expect(withRule.nodes.triage).toMatchObject({
      rules: [{}, {}, { name: 'Rule 3', next: 'close-duplicate', when: { all: [] } }],
    });
    expect(connect(definition, 'triage', 'default', 'repair').nodes.triage).toMatchObject({
      default: 'repair',
    });
    expect(connect(definition, 'triage', 'rules[1].next', 'repair').nodes.triage).toMatchObject({
      rules: [{}, { next: 'repair' }],
    });
  });

  it('renames a step everywhere it is named', () => {
    const renamed = renameNode(potholeDraft().definition, 'inspect', 'site-visit');
    expect(renamed.nodes.inspect).toBeUndefined();
    expect(renamed.nodes['site-visit']).toMatchObject({ title: 'Inspect the site' });
    expect(renamed.nodes.triage).toMatchObject({ default: 'site-visit' });
    expect(renamed.reopen).toBe('site-visit');
    expect(validateWorkflow(renamed)).toEqual([]);
  });

  it('deletes steps and reports the wires left dangling on the steps that held them', () => {
    expect(deleteNodes(potholeDraft().definition, ['inspect'])).not.toHaveProperty('reopen');
    expect(deleteNodes(potholeDraft().definition, ['triage']).start).toBe('');
    const deleted = deleteNodes(potholeDraft().definition, ['close-duplicate']);
    expect(deleted.nodes['close-duplicate']).toBeUndefined();
    expect(workflowEdges(deleted).some((edge) => edge.to === 'close-duplicate')).toBe(false);
    expect(validateWorkflow(deleted)).toEqual([
      expect.objectContaining({ node: 'inspect', field: 'outcomes.duplicate', code: 'unwired' }),
    ]);
  });

  it('unwires a default by removing it, other exits by clearing them', () => {
    const { definition } = potholeDraft();
    expect(disconnect(definition, 'triage', 'default').nodes.triage).not.toHaveProperty('default');
    expect(disconnect(definition, 'schedule-repair', 'next').nodes['schedule-repair']).toMatchObject({
      next: '',
    });
  });

  it('treats a drag that ends where it started as no edit (nothing to undo)', () => {
    const { definition } = potholeDraft();
    const moved = moveNodes(definition, { triage: { x: 10, y: 20 } });
    expect(moved.layout?.triage).toEqual({ x: 10, y: 20 });
    expect(moveNodes(moved, { triage: { x: 10.2, y: 19.8 } })).toBe(moved);
  });

  it('never mutates the definition it was given', () => {
    const { definition } = potholeDraft();
    const before = structuredClone(definition);
    deleteNodes(renameNode(connect(definition, 'triage', NEW_RULE, 'inspect'), 'inspect', 'x'), ['repair']);
    expect(definition).toEqual(before);
  });
});
