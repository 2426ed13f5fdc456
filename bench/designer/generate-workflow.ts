/**
 * A valid workflow of any size (4 + 4k nodes) for the designer benchmark: a chain of segments, each
 * a decision on depth, a crew task or an inspection, and a status change leading to the next segment.
 * Every node is reachable and wired; the schemas validator finds no problem with Springfield's teams.
 */
import { parseWorkflowYaml, validateWorkflow } from '@civicdesk/schemas';
import { stringify } from 'yaml';

/** Springfield's Streets department, which every generated task is assigned to. */
export const benchDepartments = [{ code: 'streets', roles: ['crew', 'inspector', 'supervisor'] }];

/** YAML of a generated workflow with about `nodeCount` nodes (rounded to 4 + 4k), checked valid. */
export function generateWorkflowYaml(nodeCount: number, slug = `bench-${nodeCount}`): string {
  const segments = Math.max(1, Math.round((nodeCount - 4) / 4));
  const nodes: Record<string, unknown> = {};
  for (let i = 0; i < segments; i++) {
    const next = i + 1 < segments ? `decide-${i + 1}` : 'final-note';
    nodes[`decide-${i}`] = {
      type: 'decision',
      title: `Step ${i + 1}: deep enough?`,
      rules: [
        {
          name: `At least ${i + 1} cm`,
          when: { all: [{ fact: 'attributes.depth_cm', operator: 'greaterThanInclusive', value: i + 1 }] },
          next: `work-${i}`,
        },
      ],
      default: `check-${i}`,
    };
    nodes[`work-${i}`] = {
      type: 'task',
      title: `Repair part ${i + 1}`,
      assign: { department: 'streets', role: 'crew' },
      sla: 'P5D',
      outcomes: { done: `note-${i}`, not_found: 'close-not-found' },
    };
    nodes[`check-${i}`] = {
      type: 'task',
      title: `Inspect part ${i + 1}`,
      assign: { department: 'streets', role: 'inspector' },
      sla: 'P3D',
      outcomes: { ok: `note-${i}` },
    };
    nodes[`note-${i}`] = { type: 'action', action: 'set_status', status: 'in_progress', next };
  }
  nodes['final-note'] = {
    type: 'action',
    action: 'set_status',
    status: 'action_scheduled',
    next: 'final-check',
  };
  nodes['final-check'] = {
    type: 'task',
    title: 'Final check',
    assign: { department: 'streets', role: 'supervisor' },
    outcomes: { fixed: 'close-fixed', not_found: 'close-not-found' },
  };
  nodes['close-fixed'] = { type: 'end', resolution: 'fixed', status: 'fixed' };
  nodes['close-not-found'] = { type: 'end', resolution: 'not_found', status: 'no_further_action' };

  const yaml = `# Generated for bench/designer: ${Object.keys(nodes).length} nodes.\n${stringify({
    workflow: slug,
    title: `Benchmark workflow (${Object.keys(nodes).length} steps)`,
    services: ['pothole'],
    start: 'decide-0',
    nodes,
  })}`;
  const parsed = parseWorkflowYaml(yaml);
  const problems = parsed.definition
    ? validateWorkflow(parsed.definition, { departments: benchDepartments })
    : [];
  if (!parsed.definition || parsed.errors.length > 0 || problems.length > 0)
    throw new Error(
      `generated workflow is invalid: ${JSON.stringify([...parsed.errors, ...problems]).slice(0, 500)}`,
    );
  return yaml;
}
