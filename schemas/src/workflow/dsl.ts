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

const fieldBase = {
  /** Becomes the run variable `variables.<name>` once staff complete the task. */
  name: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,63}$/, 'Use lowercase_with_underscores for a field name, e.g. depth_cm'),
  label: z.string().optional(),
  required: z.boolean().default(true),
};

/** A value staff fill in when they complete a task; checked before the completion is accepted. */
export const formField = z.discriminatedUnion('type', [
  z.object({ type: z.literal('string'), ...fieldBase }),
  z.object({ type: z.literal('number'), ...fieldBase }),
  z.object({ type: z.literal('boolean'), ...fieldBase }),
  z.object({
    type: z.literal('select'),
    ...fieldBase,
    options: z.array(z.string().min(1)).min(1, 'List the choices staff can pick, e.g. [small, large]'),
  }),
]);
export type FormFieldDefinition = z.infer<typeof formField>;

/**
 * How long a task may take: an ISO 8601 duration (calendar time, e.g. P3D) or business time counted
 * in the jurisdiction's working days and hours (`{ business_days: 3 }`, `{ business_hours: 8 }`).
 */
export const sla = z.union([
  isoDuration,
  z.strictObject({ business_days: z.number().int().min(0).max(365) }),
  z.strictObject({ business_hours: z.number().positive().max(8760) }),
]);
export type Sla = z.infer<typeof sla>;

/** One escalation level: fires `after` the SLA is breached (then `every` again while the task is open). */
export const escalationLevel = z.object({
  after: isoDuration.default('PT0S'),
  /** A message to the department (template name), e.g. task_overdue. */
  notify: z
    .object({ template: z.string().min(1), channel: z.enum(['email', 'sms']).default('email') })
    .optional(),
  /** Moves the open task to another department or role. */
  reassign_to: assignee.optional(),
  every: isoDuration.optional(),
});
export type EscalationLevel = z.infer<typeof escalationLevel>;

/** Picks the assignee from facts: rules tried in order, the first match wins, otherwise `assign`. */
export const assignRule = z.object({ name: z.string().optional(), when: condition, assign: assignee });

/** Human work. Each outcome staff can choose is wired to the node that follows it. */
export const taskNode = z.object({
  type: z.literal('task'),
  kind: z.enum(['work', 'approve', 'answer']).default('work'),
  title: z.string().min(1, 'Give the task a title staff will see in their queue'),
  description: z.string().optional(),
  assign: assignee,
  assign_rules: z.array(assignRule).optional(),
  form: z.array(formField).optional(),
  sla: sla.optional(),
  outcomes: z.record(
    z.string().regex(/^[a-z][a-z0-9_]*$/, 'Outcome names are lowercase_with_underscores'),
    nodeId,
  ),
  escalate: z.array(escalationLevel).optional(),
});

const actionBase = { title: z.string().optional(), next: nodeId };

/** A variable name staff tools and rules read as `variables.<name>`. */
export const variableName = z
  .string()
  .regex(
    /^[a-z][a-z0-9_]{0,63}$/,
    'Use lowercase_with_underscores for a variable name, e.g. inspector_notes',
  );

/**
 * Text with `{{name}}` placeholders filled from request facts (`{{attributes.depth_cm}}`,
 * `{{service_code}}`) and run variables (`{{variables.answer}}`); unknown names become empty text.
 */
export const template = z.string();

/**
 * Automatic steps: status changes, timeline notes, resident notifications, run variables, transfers
 * to another department, duplicate links and calls to other systems (webhooks).
 */
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
  z.object({
    type: z.literal('action'),
    action: z.literal('notify'),
    /** Name of the message template the mailer renders, e.g. request_received. */
    template: z.string().min(1, 'Name the message template, e.g. request_received'),
    channel: z.enum(['email', 'sms']).default('email'),
    /** Extra values for the template; each is itself a template over facts and variables. */
    data: z.record(z.string(), template).optional(),
    ...actionBase,
  }),
  z.object({
    type: z.literal('action'),
    action: z.literal('set_variable'),
    variable: variableName,
    /** A fixed value, or `template` to build text from facts and variables; exactly one of the two. */
    value: z.unknown().optional(),
    template: template.optional(),
    ...actionBase,
  }),
  z.object({
    type: z.literal('action'),
    action: z.literal('transfer'),
    department: z.string().min(1, 'Name the department the request moves to, e.g. parks'),
    note: z.string().optional(),
    ...actionBase,
  }),
  z.object({
    type: z.literal('action'),
    action: z.literal('link_duplicate'),
    /** Fact or variable holding the original request's id, e.g. variables.original_request. */
    of: z.string().min(1, 'Name the fact or variable that holds the original request id'),
    /** Where to go when that fact or variable is empty; without it the run stops with an error. */
    on_failure: nodeId.optional(),
    ...actionBase,
  }),
  z.object({
    type: z.literal('action'),
    action: z.literal('webhook'),
    url: z.url({ protocol: /^https?$/, error: 'Write the full address, e.g. https://example.org/hook' }),
    method: z.enum(['POST', 'PUT', 'PATCH', 'GET']).default('POST'),
    headers: z.record(z.string(), z.string()).optional(),
    /** JSON body fields, each a template; without it the request facts and variables are sent. */
    body: z.record(z.string(), template).optional(),
    /** Per attempt. */
    timeout: isoDuration.default('PT10S'),
    /** Attempts after the first before giving up. */
    retries: z.number().int().min(0).max(10).default(3),
    /** Keeps the JSON (or text) answer as a run variable. */
    save_as: variableName.optional(),
    /** Where to go when the call still fails (non-2xx, timeout) after its retries. */
    on_failure: nodeId,
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

/**
 * Pauses a request: for a duration, until a date (ISO 8601, or a fact or variable holding one), or
 * for the resident's reply (up to `timeout`, then `on_timeout`). The reply's text becomes
 * `variables.resident_reply` (and its photo `variables.resident_reply_media`).
 */
export const waitNode = z.object({
  type: z.literal('wait'),
  title: z.string().optional(),
  duration: isoDuration.optional(),
  until: z.string().min(1).optional(),
  for: z.literal('resident_reply').optional(),
  timeout: isoDuration.optional(),
  on_timeout: nodeId.optional(),
  next: nodeId,
});

/** Forks the request into branches that run side by side; a `join` brings them back together. */
export const parallelNode = z.object({
  type: z.literal('parallel'),
  title: z.string().optional(),
  branches: z.array(nodeId).min(2, 'List at least two branches to run side by side'),
});

/** Waits for the branches of the parallel step before it: `all` of them, or the `first` (the rest are cancelled). */
export const joinNode = z.object({
  type: z.literal('join'),
  title: z.string().optional(),
  mode: z.enum(['all', 'first']).default('all'),
  next: nodeId,
});

export const workflowNode = z.union([
  decisionNode,
  taskNode,
  actionNode,
  endNode,
  waitNode,
  parallelNode,
  joinNode,
]);
export type WorkflowNode = z.infer<typeof workflowNode>;
export type DecisionNode = z.infer<typeof decisionNode>;
export type TaskNode = z.infer<typeof taskNode>;
export type ActionNode = z.infer<typeof actionNode>;
export type ActionKind = ActionNode['action'];
export type EndNode = z.infer<typeof endNode>;
export type WaitNode = z.infer<typeof waitNode>;
export type ParallelNode = z.infer<typeof parallelNode>;
export type JoinNode = z.infer<typeof joinNode>;

export const workflowDefinition = z.object({
  workflow: z.string().regex(/^[a-z][a-z0-9-]{1,63}$/, 'Use a lowercase slug such as pothole-repair'),
  title: z.string().min(1),
  description: z.string().optional(),
  services: z.array(z.string().min(1)).default([]),
  start: nodeId,
  /** Where a closed request resumes when a resident or staff reopens it (a new run, linked to the old). */
  reopen: nodeId.optional(),
  nodes: z.record(nodeId, workflowNode),
  layout: z.record(z.string(), z.object({ x: z.number(), y: z.number() })).optional(),
});
export type WorkflowDefinition = z.infer<typeof workflowDefinition>;
