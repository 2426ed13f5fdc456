/**
 * The workflow DSL: the contract between the designer (which draws it), the API (which stores and
 * publishes it) and the engine (which runs it). A workflow is a directed graph of named nodes; loops
 * are allowed. Shape checks live here; graph checks (reachability, wiring) live in `validate.ts`.
 * @see ../../../../shared/DESIGN.md "Workflow DSL"
 */
import { z } from 'zod';
import { extendedStatus } from '../status.js';

/** Node ids are YAML keys people type: lowercase words joined by `-` or `_`. */
export const nodeId = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,63}$/, 'Use lowercase letters, digits, "-" or "_", starting with a letter');
export type NodeId = z.infer<typeof nodeId>;

/** ISO 8601 duration such as `P3D`, `PT4H`, `P1DT12H`. */
export const isoDuration = z
  .string()
  .regex(
    /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/,
    'Write a duration in ISO 8601 form, e.g. P3D (3 days) or PT4H (4 hours)',
  );

/** Who a task goes to. Departments and roles are checked against the jurisdiction by the validator. */
export const assignee = z.object({
  department: z.string().min(1, 'Name the department, e.g. streets'),
  role: z.string().min(1).optional(),
});
export type Assignee = z.infer<typeof assignee>;

/** A json-rules-engine leaf condition. Facts are dotted names such as `attributes.depth_cm`. */
export const factCondition = z.object({
  fact: z.string().min(1),
  operator: z.string().min(1),
  value: z.unknown(),
  path: z.string().optional(),
});

export type Condition =
  { all: Condition[] } | { any: Condition[] } | { not: Condition } | z.infer<typeof factCondition>;

/** json-rules-engine's condition tree: nested `all` / `any` / `not` groups over fact conditions. */
export const condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ all: z.array(condition) }),
    z.object({ any: z.array(condition) }),
    z.object({ not: condition }),
    factCondition,
  ]),
);

export const decisionRule = z.object({
  name: z.string().optional(),
  when: condition,
  next: nodeId,
});

/** Rules are tried in order; the first that matches picks `next`, otherwise `default`. */
export const decisionNode = z.object({
  type: z.literal('decision'),
  title: z.string().optional(),
  rules: z.array(decisionRule),
  default: nodeId.optional(),
});

/** Human work. Each outcome staff can choose is wired to the node that follows it. */
export const taskNode = z.object({
  type: z.literal('task'),
  kind: z.enum(['work', 'approve', 'answer']).default('work'),
  title: z.string().min(1, 'Give the task a title staff will see in their queue'),
  description: z.string().optional(),
  assign: assignee,
  sla: isoDuration.optional(),
  outcomes: z.record(
    z.string().regex(/^[a-z][a-z0-9_]*$/, 'Outcome names are lowercase_with_underscores'),
    nodeId,
  ),
  escalate: z.object({ after: isoDuration, to: assignee }).optional(),
});

const actionBase = { title: z.string().optional(), next: nodeId };

/** Automatic steps. v0: status changes and timeline notes; more kinds arrive with the engine issue. */
export const actionNode = z.discriminatedUnion('action', [
  z.object({
    type: z.literal('action'),
    action: z.literal('set_status'),
    status: extendedStatus,
    note: z.string().optional(),
    ...actionBase,
  }),
  z.object({
    type: z.literal('action'),
    action: z.literal('note'),
    note: z.string().min(1),
    public: z.boolean().default(true),
    ...actionBase,
  }),
]);

/** Closes the request with a resolution; `message` becomes the public closing note. */
export const endNode = z.object({
  type: z.literal('end'),
  title: z.string().optional(),
  resolution: z.string().min(1, 'Say how the request was resolved, e.g. fixed'),
  status: extendedStatus.default('closed'),
  message: z.string().optional(),
});

export const workflowNode = z.union([decisionNode, taskNode, actionNode, endNode]);
export type WorkflowNode = z.infer<typeof workflowNode>;
export type DecisionNode = z.infer<typeof decisionNode>;
export type TaskNode = z.infer<typeof taskNode>;
export type ActionNode = z.infer<typeof actionNode>;
export type EndNode = z.infer<typeof endNode>;

export const workflowDefinition = z.object({
  workflow: z.string().regex(/^[a-z][a-z0-9-]{1,63}$/, 'Use a lowercase slug such as pothole-repair'),
  title: z.string().min(1),
  description: z.string().optional(),
  services: z.array(z.string().min(1)).default([]),
  start: nodeId,
  nodes: z.record(nodeId, workflowNode),
  layout: z.record(z.string(), z.object({ x: z.number(), y: z.number() })).optional(),
});
export type WorkflowDefinition = z.infer<typeof workflowDefinition>;
