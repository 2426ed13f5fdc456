/**
 * Workflow-level fields that name a step (`start`, `reopen`, ...), read from the DSL schema so a new
 * one is renamed, cleared and offered in the workflow panel without designer changes.
 */
import { nodeId, workflowDefinition, type WorkflowDefinition } from '@civicdesk/schemas';

type Wrapped = { _zod: { def: { type: string; innerType?: Wrapped } } };

function unwrap(schema: Wrapped): { schema: Wrapped; optional: boolean } {
  let optional = false;
  let current = schema;
  while (current._zod.def.type === 'optional' && current._zod.def.innerType) {
    optional = true;
    current = current._zod.def.innerType;
  }
  return { schema: current, optional };
}

export type EntryPoint = { field: string; optional: boolean };

/** The definition's fields that hold a step id, in schema order. */
export const entryPoints: EntryPoint[] = Object.entries(
  workflowDefinition.shape as unknown as Record<string, Wrapped>,
)
  .map(([field, schema]) => ({ field, ...unwrap(schema) }))
  .filter((entry) => entry.schema === (nodeId as unknown as Wrapped))
  .map(({ field, optional }) => ({ field, optional }));

/** The definition with every entry point naming `from` changed by `to` (undefined clears it). */
export function retargetEntryPoints(
  definition: WorkflowDefinition,
  from: string,
  to: string | undefined,
): WorkflowDefinition {
  const next: Record<string, unknown> = { ...definition };
  for (const { field, optional } of entryPoints) {
    if (next[field] !== from) continue;
    if (to !== undefined) next[field] = to;
    else if (optional) delete next[field];
    else next[field] = '';
  }
  return next as WorkflowDefinition;
}
