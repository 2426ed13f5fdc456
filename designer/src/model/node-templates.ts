/**
 * What a freshly dropped step holds: enough to draw and to explain what is missing. Unwired exits
 * hold '' so the validator reports them as "does not lead anywhere" on the node.
 */
import type { WorkflowDefinition, WorkflowNode } from '@civicdesk/schemas';
import type { NodeKind } from './node-kinds.js';

/** A new node of `kind`; `department` is the default assignee for tasks. */
export function newNodeOf(kind: NodeKind, department = ''): WorkflowNode {
  switch (kind.key) {
    case 'task':
      return { type: 'task', kind: 'work', title: 'New task', assign: { department }, outcomes: {} };
    case 'decision':
      return { type: 'decision', title: 'New decision', rules: [] };
    case 'end':
      return { type: 'end', resolution: 'resolved', status: 'closed' };
    case 'action:set_status':
      return { type: 'action', action: 'set_status', status: 'in_progress', next: '' };
    case 'action:note':
      return { type: 'action', action: 'note', note: 'Write the note', public: true, next: '' };
    case 'action:notify':
      return { type: 'action', action: 'notify', template: 'request_update', channel: 'email', next: '' };
    case 'action:set_variable':
      return { type: 'action', action: 'set_variable', variable: 'result', value: '', next: '' };
    case 'action:transfer':
      return { type: 'action', action: 'transfer', department, next: '' };
    case 'action:link_duplicate':
      return { type: 'action', action: 'link_duplicate', of: 'variables.original_request', next: '' };
    case 'action:webhook':
      return {
        type: 'action',
        action: 'webhook',
        url: 'https://example.org/hook',
        method: 'POST',
        timeout: 'PT10S',
        retries: 3,
        on_failure: '',
        next: '',
      };
    case 'wait':
      return { type: 'wait', duration: 'P1D', next: '' };
    case 'parallel':
      return { type: 'parallel', branches: [] };
    case 'join':
      return { type: 'join', mode: 'all', next: '' };
    default:
      // A kind the designer has no template for yet: the validator explains what it needs.
      return { type: kind.type, ...(kind.action ? { action: kind.action } : {}), next: '' } as WorkflowNode;
  }
}

/** A free id based on `base` ("inspect", "inspect-2", ...). */
export function freeId(taken: Iterable<string>, base: string): string {
  const used = new Set(taken);
  const stem =
    base
      .toLowerCase()
      .replace(/[^a-z0-9_-]+/g, '-')
      .replace(/^[^a-z]+/, '')
      .replace(/-+$/, '')
      .slice(0, 56) || 'step';
  if (!used.has(stem)) return stem;
  for (let n = 2; ; n++) if (!used.has(`${stem}-${n}`)) return `${stem}-${n}`;
}

/** The department most tasks of the workflow go to: the natural default for the next task. */
export function usualDepartment(definition: WorkflowDefinition): string | undefined {
  const counts = new Map<string, number>();
  for (const node of Object.values(definition.nodes)) {
    if (node.type === 'task' && node.assign.department)
      counts.set(node.assign.department, (counts.get(node.assign.department) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}
