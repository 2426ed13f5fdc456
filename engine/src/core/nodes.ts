/** Node lookups that fail with a message naming the workflow and the missing node. */
import type { WorkflowDefinition, WorkflowNode } from '@civicdesk/schemas';
import { EngineError } from './errors.js';

/** The node with this id, or an EngineError naming the workflow and the id. */
export function getNode(definition: WorkflowDefinition, id: string): WorkflowNode {
  const node = Object.hasOwn(definition.nodes, id) ? definition.nodes[id] : undefined;
  if (!node) throw new EngineError(`Workflow "${definition.workflow}" has no node "${id}"`);
  return node;
}

/** The node with this id, checked to be of the expected type. */
export function getNodeOfType<T extends WorkflowNode['type']>(
  definition: WorkflowDefinition,
  id: string,
  type: T,
): Extract<WorkflowNode, { type: T }> {
  const node = getNode(definition, id);
  if (node.type !== type) throw new EngineError(`Node "${id}" is a ${node.type} node, not a ${type} node`);
  return node as Extract<WorkflowNode, { type: T }>;
}
