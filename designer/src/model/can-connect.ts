/** The connection rules the DSL implies, for the canvas to refuse a wire before it is drawn. */
import type { WorkflowDefinition } from '@civicdesk/schemas';
import { exitsOf } from './exits.js';

export type ConnectionAttempt = { source: string; sourceHandle?: string | null; target: string };

/** Why a wire cannot be drawn, or null when it can. */
export function connectionRefusal(definition: WorkflowDefinition, attempt: ConnectionAttempt): string | null {
  const source = definition.nodes[attempt.source];
  if (!source) return 'Pick a step to start the wire from.';
  if (!definition.nodes[attempt.target]) return 'Drop the wire on a step.';
  const exits = exitsOf(attempt.source, source);
  if (exits.length === 0) return 'An end step closes the request; nothing follows it.';
  if (!exits.some((exit) => exit.id === attempt.sourceHandle))
    return 'Start the wire from one of the step’s exits.';
  if (attempt.source === attempt.target && source.type !== 'task')
    return 'Only a task may lead back to itself (staff decide when to stop).';
  return null;
}

/** True when the wire may be drawn. */
export function canConnect(definition: WorkflowDefinition, attempt: ConnectionAttempt): boolean {
  return connectionRefusal(definition, attempt) === null;
}
