import { handWritten, prettierFormatted } from './__fixtures__/pothole-repair.js';
import { describe, expect, it } from 'vitest';
import type { TaskNode, WorkflowDefinition } from './dsl.js';
import { parseWorkflowYaml } from './yaml.js';
import { updateWorkflowYaml } from './yaml-update.js';

const example = handWritten;

/** The example's definition, edited by `edit` the way the designer would. */
function edited(edit: (definition: WorkflowDefinition) => void, text = example): WorkflowDefinition {
  const definition = structuredClone(parseWorkflowYaml(text).definition!);
  edit(definition);
  return definition;
}

const task = (definition: WorkflowDefinition, id: string) => definition.nodes[id] as TaskNode;

describe('updateWorkflowYaml', () => {
  it('changes only the edited line, keeping its comment in place and every other byte', () => {
    const next = edited((definition) => {
      task(definition, 'inspect').sla = 'P5D';
    });
    const text = updateWorkflowYaml(example, next);
    expect(text).toBe(
      example.replace('    sla: P3D                   # ISO', '    sla: P5D                   # ISO'),
    );
  });

  it('writes what the definition says: the result parses back to it', () => {
    const next = edited((definition) => {
      task(definition, 'inspect').outcomes.duplicate = 'close-duplicate';
      definition.nodes['close-duplicate'] = { type: 'end', resolution: 'duplicate', status: 'duplicate' };
      definition.layout = { ...definition.layout, triage: { x: 10, y: 20 } };
    });
    expect(parseWorkflowYaml(updateWorkflowYaml(example, next)).definition).toEqual(next);
  });

  it('adds new keys at the end, mirroring the blank line between nodes', () => {
    const next = edited((definition) => {
      definition.nodes['close-duplicate'] = { type: 'end', resolution: 'duplicate', status: 'duplicate' };
      task(definition, 'inspect').description = 'Measure depth and width';
    });
    const expected = example
      .replace(
        '    escalate: [{ after: P3D, reassign_to: { department: streets, role: supervisor } }]\n',
        '    escalate: [{ after: P3D, reassign_to: { department: streets, role: supervisor } }]\n    description: Measure depth and width\n',
      )
      .replace(
        '\nlayout:',
        '\n  close-duplicate:\n    type: end\n    resolution: duplicate\n    status: duplicate\n\nlayout:',
      );
    expect(updateWorkflowYaml(example, next)).toBe(expected);
  });

  it('deletes removed nodes and keys but keeps keys the DSL does not know', () => {
    const next = edited((definition) => {
      delete definition.nodes['close-not-found'];
      task(definition, 'inspect').outcomes = { confirmed: 'schedule-repair' };
      delete task(definition, 'inspect').escalate;
    });
    const text = updateWorkflowYaml(example, next);
    expect(text).not.toContain('close-not-found:');
    expect(text).not.toContain('escalate:');
    expect(text).toContain('owner: streets-team            # not in the DSL; must survive edits\n');
    expect(text).toContain('# Closing steps\n');
    expect(text).toContain('# yaml-language-server: $schema=../../schemas/workflow.schema.json\n');
  });

  it('keeps unknown keys inside nodes too', () => {
    const text = example.replace(
      '    type: task\n    title: "Inspect',
      '    type: task\n    x-owner: kim # ask Kim first\n    title: "Inspect',
    );
    const next = edited((definition) => {
      task(definition, 'inspect').title = 'Inspect the hole';
    }, text);
    const updated = updateWorkflowYaml(text, next);
    expect(updated).toContain('    x-owner: kim # ask Kim first\n    title: "Inspect the hole"\n');
  });

  it('does not write defaults the file left out', () => {
    const next = edited(() => {});
    expect(task(next, 'inspect').kind).toBe('work');
    expect(updateWorkflowYaml(example, next)).toBe(example);
  });

  it('grows and shrinks lists: rules and services', () => {
    const next = edited((definition) => {
      definition.services = ['pothole', 'sinkhole'];
      const triage = definition.nodes.triage;
      if (triage?.type !== 'decision') throw new Error('triage is a decision');
      triage.rules.push({
        name: 'wide',
        when: { fact: 'attributes.width_cm', operator: 'greaterThan', value: 50 },
        next: 'urgent-repair',
      });
    });
    const grown = updateWorkflowYaml(example, next);
    expect(grown).toContain('services: [ pothole, sinkhole ]');
    expect(parseWorkflowYaml(grown).definition).toEqual(next);
    const shrunk = edited((definition) => {
      const triage = definition.nodes.triage;
      if (triage?.type === 'decision') triage.rules = [];
    }, grown);
    expect(parseWorkflowYaml(updateWorkflowYaml(grown, shrunk)).definition).toEqual(shrunk);
  });

  it('writes a shared object twice rather than as a YAML anchor and alias', () => {
    const next = edited((definition) => {
      const crew = { department: 'streets', role: 'crew' };
      task(definition, 'inspect').assign = crew;
      task(definition, 'urgent-repair').assign = crew;
      task(definition, 'inspect').escalate = [{ after: 'P3D', reassign_to: crew }];
    });
    const text = updateWorkflowYaml(example, next);
    expect(text).not.toMatch(/[&*]a\d/);
    expect(parseWorkflowYaml(text).definition).toEqual(next);
  });

  it('updates a file whose shape is invalid, from what it holds', () => {
    const broken = example.replace('    sla: P3D ', '    sla: soon');
    const next = edited(() => {}, example);
    const text = updateWorkflowYaml(broken, next);
    expect(parseWorkflowYaml(text).definition).toEqual(next);
    expect(text).toContain('    sla: P3D');
  });

  it('writes edited lines of a Prettier-formatted file the way Prettier would', () => {
    const next = edited((definition) => {
      const triage = definition.nodes.triage;
      if (triage?.type !== 'decision') throw new Error('triage is a decision');
      triage.rules[0]!.when = {
        all: [{ fact: 'attributes.depth_cm', operator: 'greaterThanInclusive', value: 15 }],
      };
      definition.services = ['pothole', 'sinkhole'];
      task(definition, 'inspect').title = 'Inspect: the site';
    }, prettierFormatted);
    const text = updateWorkflowYaml(prettierFormatted, next);
    expect(text).toBe(
      prettierFormatted
        .replace('value: 10 }] }', 'value: 15 }] }')
        .replace('services: [pothole] #', 'services: [pothole, sinkhole] #')
        .replace("title: 'Inspect the site'", "title: 'Inspect: the site'"),
    );
  });

  it('refuses to edit text that is not valid YAML', () => {
    expect(() =>
      updateWorkflowYaml(
        'nodes: { a: 1\n',
        edited(() => {}),
      ),
    ).toThrow(/Fix the YAML syntax first/);
  });
});
