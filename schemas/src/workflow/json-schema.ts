/**
 * The workflow DSL as JSON Schema, for editors: a YAML file starting with
 * `# yaml-language-server: $schema=<path>/workflow.schema.json` gets completion and checks while typing.
 * Graph checks (wiring, reachability) need `validateWorkflow`; JSON Schema cannot express them.
 */
import { z } from 'zod';
import {
  actionNode,
  assignee,
  condition,
  decisionNode,
  endNode,
  isoDuration,
  nodeId,
  taskNode,
  workflowDefinition,
} from './dsl.js';

/** Hover texts for editors; kept here so dsl.ts stays the engine's plain contract. */
const descriptions: [z.ZodType, string][] = [
  [
    decisionNode,
    'Routes automatically: rules are tried in order, the first match picks next, otherwise default.',
  ],
  [taskNode, 'Human work in a department queue; each outcome staff can pick leads to the next node.'],
  [actionNode, 'An automatic step (set_status, note), then next.'],
  [endNode, 'Closes the request with a resolution; message becomes the public closing note.'],
  [assignee, 'Who gets the task: a department code and optionally a role in it.'],
  [nodeId, 'A node id: lowercase letters, digits, "-" or "_", starting with a letter.'],
  [isoDuration, 'An ISO 8601 duration such as P3D (3 days) or PT4H (4 hours).'],
];

/** JSON Schema (draft-07, which every YAML editor plugin reads) of a workflow file as people write it. */
export function workflowJsonSchema(): Record<string, unknown> {
  const names = z.registry<{ id?: string; description?: string }>();
  for (const [schema, description] of descriptions) names.add(schema, { description });
  names.add(condition, {
    id: 'condition',
    description:
      'A json-rules-engine condition: { fact, operator, value }, or all: / any: / not: groups of conditions.',
  });
  const schema = z.toJSONSchema(workflowDefinition, {
    target: 'draft-07',
    io: 'input',
    metadata: names,
    cycles: 'ref',
    unrepresentable: 'any',
  });
  return {
    $schema: schema.$schema,
    $comment:
      'Generated from schemas/src/workflow/dsl.ts by schemas/scripts/export-json-schema.ts; do not edit.',
    title: 'CivicDesk workflow',
    description:
      'A department workflow: named nodes (decision, task, action, end) wired from start to an end.',
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema')),
  };
}
