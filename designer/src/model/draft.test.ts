import { describe, expect, it } from 'vitest';
import { emptyDraft, readDraft, withDefinition } from './draft.js';
import type { DecisionNode } from '@civicdesk/schemas';
import { addNode, connect, renameNode, updateNode } from './edit.js';
import { NEW_OUTCOME, NEW_RULE } from './exits.js';
import { nodeKinds } from './node-kinds.js';
import { newNodeOf } from './node-templates.js';
import { potholeDraft } from './test-fixtures.js';

describe('draft YAML sync', () => {
  it('keeps comments when the canvas renames a step', () => {
    const draft = potholeDraft();
    const next = withDefinition(draft, renameNode(draft.definition, 'inspect', 'site-visit'));
    expect(next.yaml).toContain('# Potholes: deep ones and bike-lane ones');
    expect(next.yaml).toContain('default: site-visit');
    expect(readDraft(next.yaml).draft?.definition.nodes['site-visit']).toBeDefined();
  });

  it('writes exits, rules and outcomes filled in after a step was added in block style, unquoted', () => {
    let draft = emptyDraft('potholes', 'Potholes');
    const add = (key: string, id: string) => {
      draft = withDefinition(
        draft,
        addNode(
          draft.definition,
          newNodeOf(
            nodeKinds().find((k) => k.key === key)!,
            'streets',
          ),
          { x: 0, y: 0 },
          id,
        ).definition,
      );
    };
    add('decision', 'triage');
    add('task', 'repair');
    add('end', 'fixed');
    draft = withDefinition(draft, { ...draft.definition, services: ['pothole'] });
    draft = withDefinition(draft, connect(draft.definition, 'triage', NEW_RULE, 'repair'));
    draft = withDefinition(draft, connect(draft.definition, 'triage', 'default', 'fixed'));
    draft = withDefinition(draft, connect(draft.definition, 'repair', NEW_OUTCOME, 'fixed'));
    const triage = draft.definition.nodes.triage as DecisionNode;
    const deep = { fact: 'attributes.depth_cm', operator: 'greaterThanInclusive', value: 10 };
    draft = withDefinition(
      draft,
      updateNode(draft.definition, 'triage', {
        ...triage,
        rules: [{ ...triage.rules[0]!, when: { all: [deep] } }],
      }),
    );
    expect(draft.yaml).toContain('        when:\n          all:\n            - fact: attributes.depth_cm\n');
    expect(draft.yaml).not.toMatch(/"|\{[a-z]|\[\{/);
    expect(draft.yaml).toContain('start: triage\n');
    expect(draft.yaml).toContain('    outcomes:\n      done: fixed\n');
    expect(draft.yaml).toContain('    rules:\n      - name: Rule 1\n');
    expect(readDraft(draft.yaml).draft?.definition).toEqual(draft.definition);
  });

  it('reports YAML errors with their line instead of a draft', () => {
    const { draft, errors } = readDraft('workflow: x\n  bad: [');
    expect(draft).toBeUndefined();
    expect(errors[0]).toHaveProperty('line');
  });

  it('starts an empty workflow whose first step arrives in block style, start first', () => {
    const empty = emptyDraft('potholes', 'Potholes', ['pothole']);
    expect(readDraft(empty.yaml).errors.map((error) => error.path)).toEqual(['start', 'nodes']);
    const kind = nodeKinds().find((k) => k.key === 'end')!;
    const first = withDefinition(
      empty,
      addNode(empty.definition, newNodeOf(kind), { x: 0, y: 0 }, 'close').definition,
    );
    expect(first.yaml).toBe(
      'workflow: potholes\ntitle: Potholes\nservices: [pothole]\nstart: close\nnodes:\n  close:\n    type: end\n    resolution: resolved\n    status: closed\nlayout:\n  close:\n    x: 0\n    y: 0\n',
    );
    expect(readDraft(first.yaml).errors).toEqual([]);
  });

  it('offers every node kind of the DSL in the palette', () => {
    expect(nodeKinds().map((k) => k.key)).toEqual(
      expect.arrayContaining(['task', 'decision', 'end', 'action:set_status', 'action:note']),
    );
  });
});
