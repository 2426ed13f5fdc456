/** The line a step shows on the canvas: its title, or what it does when it has none. */
import type { WorkflowNode } from '@civicdesk/schemas';
import { kindOf } from './node-kinds.js';

export function stepSummary(node: WorkflowNode): string {
  const fields = node as Record<string, unknown>;
  if (typeof fields.title === 'string' && fields.title) return fields.title;
  if (node.type === 'end') return `Close as ${node.resolution.replace(/_/g, ' ') || '…'}`;
  if (node.type === 'action' && node.action === 'set_status')
    return `Status: ${node.status.replace(/_/g, ' ')}`;
  if (node.type === 'action' && (node.action === 'note' || node.action === 'transfer')) {
    return node.action === 'note' ? node.note : `Transfer to ${node.department}`;
  }
  return kindOf(node).label;
}
