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
  escalationLevel,
  formField,
  isoDuration,
  joinNode,
  nodeId,
  parallelNode,
  sla,
  taskNode,
  waitNode,
  workflowDefinition,
} from './dsl.js';

/** Hover texts for editors; kept here so dsl.ts stays the engine's plain contract. */
const descriptions: [z.ZodType, string][] = [
  [
    decisionNode,
    'Routes automatically: rules are tried in order, the first match picks next, otherwise default.',
  ],
  [taskNode, 'Human work in a department queue; each outcome staff can pick leads to the next node.'],
  [
    actionNode,
    'An automatic step (set_status, note, notify, set_variable, transfer, link_duplicate, webhook), then next.',
  ],
  [endNode, 'Closes the request with a resolution; message becomes the public closing note.'],
  [
    waitNode,
    'Pauses the request: duration, until (a date or variables.<name>), or for: resident_reply with timeout and on_timeout.',
  ],
  [parallelNode, 'Runs its branches side by side; a join brings them back together.'],
  [
    joinNode,
    'Waits for all branches of the parallel step before it (mode: all), or the first (the rest are cancelled).',
  ],
  [
    sla,
    'Time allowed: an ISO 8601 duration (P3D), or business time { business_days: 3 } / { business_hours: 8 }.',
  ],
  [
    escalationLevel,
    'Fires `after` the SLA is breached (and `every` again while open): notify and/or reassign_to.',
  ],
  [formField, 'A field staff fill in when completing the task; its value becomes variables.<name>.'],
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
      'A department workflow: named nodes (decision, task, action, end, wait, parallel, join) wired from start to an end.',
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema')),
  };
}
