/**
 * The interpreter's vocabulary: the state it keeps, the events it accepts and the commands it emits.
 * Token-based so parallel/join/wait can be added without changing the shape: each token sits at one
 * node and says what it is waiting for.
 */
import type {
  ActionNode,
  Sla,
  Assignee,
  DecisionNode,
  ExtendedStatus,
  TaskNode,
  TimelineActor,
  TimelineEventKind,
} from '@civicdesk/schemas';

/** The exact published version a run is pinned to; versions are immutable, so replay never diverges. */
export interface PinnedRef {
  workflow: string;
  version: number;
  hash: string;
}

export type DecisionRule = DecisionNode['rules'][number];
export type TaskKind = TaskNode['kind'];
export type FormField = NonNullable<TaskNode['form']>[number];
export type AssignRule = NonNullable<TaskNode['assign_rules']>[number];
export type NotifyChannel = Extract<ActionNode, { action: 'notify' }>['channel'];
export type WebhookMethod = Extract<ActionNode, { action: 'webhook' }>['method'];

/** What a token waits for before it can move on. */
export type TokenWait =
  | { on: 'decision' }
  | { on: 'assignment' }
  | { on: 'taskCreated' }
  | { on: 'taskCompleted'; taskId: string }
  | { on: 'actionDone' }
  /** A wait node's timer; `timerId` is the number of the startTimer command, so stale timers are told apart. */
  | { on: 'timer'; timerId: number }
  /** The resident's reply, with the timeout's timer when the node has one. */
  | { on: 'reply'; timerId: number | null }
  /** Arrived at a join; waits for the other branches of its fork. */
  | { on: 'join' };

export interface Token {
  id: number;
  node: string;
  /** How many times this token's node had been entered in this run, counting this entry (1-based). */
  visit: number;
  wait: TokenWait;
  /** Who the task at this node went to, when `assign_rules` picked it (otherwise the node's `assign`). */
  assign?: Assignee;
  /** The forks this token is a branch of, innermost last: `<parallel node>:<visit>`. */
  forks?: string[];
}

export interface EngineState {
  ref: PinnedRef;
  started: boolean;
  tokens: Token[];
  /** Entries per node id; loops give later entries distinct task keys. */
  visits: Record<string, number>;
  variables: Record<string, unknown>;
  /** Request facts templates read (`{{attributes.depth_cm}}`); absent in states carried from older runs. */
  facts?: Record<string, unknown>;
  /**
   * Per node, tokens a join cancelled while a command of theirs was still being carried out: the
   * late result is dropped (and a late task row cancelled) instead of failing the run.
   */
  dropped?: Record<string, number>;
  /** Escalation timers by timer id: which task and level they fire for, and its SLA deadline. */
  escalations?: Record<string, { taskId: string; node: string; level: number; dueAt: string }>;
  status: ExtendedStatus;
  closed: boolean;
  resolution: string | null;
  /** Node ids in the order they were entered. */
  path: string[];
  /** Commands emitted so far; every command carries its number, which makes write keys unique. */
  seq: number;
  nextTokenId: number;
}

export type EngineEvent =
  | { type: 'started' }
  /** A new run of a closed request, resuming at the definition's `reopen` node. */
  | { type: 'reopened'; reason: string | null; by: string }
  | { type: 'decisionEvaluated'; node: string; matchedRule: number | null; next: string | null }
  /** `dueAt` (ISO) is the SLA deadline the shell computed in workflow time; escalations count from it. */
  | { type: 'taskCreated'; node: string; taskId: string; dueAt?: string | null }
  | {
      type: 'taskCompleted';
      taskId: string;
      outcome: string;
      by: string;
      note?: string;
      values?: Record<string, unknown>;
    }
  | { type: 'assignmentEvaluated'; node: string; matchedRule: number | null }
  /** The action's effect was carried out; `result` is a webhook's answer (kept when `save_as` asks). */
  | { type: 'actionDone'; node: string; result?: unknown }
  /** The action's effect failed for good (a webhook after its retries); the token takes `on_failure`. */
  | { type: 'actionFailed'; node: string; reason: string }
  /** A timer the run started fired; stale timers (their token moved on) change nothing. */
  | { type: 'timerFired'; timerId: number; at?: string }
  /** The resident replied; a wait for the reply moves on, otherwise the reply is only recorded. */
  | { type: 'replyReceived'; text: string; mediaUrl?: string | null }
  /** Staff moved a waiting task to another department or role. */
  | {
      type: 'taskTransferred';
      taskId: string;
      department: string;
      role: string | null;
      by: string;
      note?: string | null;
    };

type Numbered<T> = T & { seq: number; node: string };

export type EngineCommand = Numbered<
  | { type: 'evaluateDecision'; rules: DecisionRule[]; default: string | null }
  | { type: 'evaluateAssignment'; rules: AssignRule[] }
  | {
      type: 'createTask';
      visit: number;
      title: string;
      description: string | null;
      kind: TaskKind;
      department: string;
      role: string | null;
      sla: Sla | null;
      outcomes: string[];
      form: FormField[];
    }
  | {
      type: 'markTaskCompleted';
      taskId: string;
      outcome: string;
      by: string;
      note: string | null;
      values: Record<string, unknown>;
    }
  | { type: 'setStatus'; status: ExtendedStatus; note: string | null }
  | { type: 'addNote'; note: string; public: boolean }
  | { type: 'notify'; template: string; channel: NotifyChannel; data: Record<string, string> }
  | { type: 'setVariable'; variable: string; value: unknown }
  | { type: 'transfer'; department: string; note: string | null }
  | { type: 'linkDuplicate'; duplicateOf: string }
  | {
      type: 'callWebhook';
      url: string;
      method: WebhookMethod;
      headers: Record<string, string>;
      body: Record<string, unknown> | null;
      /** ISO 8601 duration per attempt. */
      timeout: string;
      retries: number;
    }
  /** Fire `timerFired` after `delay` (ISO duration) or at `until` (ISO instant), whichever is given. */
  | { type: 'startTimer'; timerId: number; delay: string | null; until: string | null }
  /** The closed request is open again (status `reopen`); the store records who and why. */
  | { type: 'reopenRequest'; reason: string | null; by: string }
  /** A message queued without waiting on it (escalations); `notify` is the action that waits. */
  | { type: 'queueNotification'; template: string; channel: NotifyChannel; data: Record<string, string> }
  /** An escalation moves an open task to another department or role. */
  | { type: 'reassignTask'; taskId: string; department: string; role: string | null }
  /** A join picked the first branch: the other branches' open task rows are cancelled. */
  | { type: 'cancelTask'; taskId: string }
  /** An answer task's text made public: a public timeline note, the request's status notes, a notification. */
  | { type: 'publishAnswer'; taskId: string; text: string; by: string }
  | { type: 'close'; resolution: string; status: ExtendedStatus; message: string | null }
  | {
      type: 'appendTimeline';
      kind: TimelineEventKind;
      summary: string;
      description: string | null;
      public: boolean;
      actor: TimelineActor;
      data: Record<string, unknown>;
    }
>;

export type CommandType = EngineCommand['type'];
export type CommandOf<T extends CommandType> = Extract<EngineCommand, { type: T }>;

export interface StepResult {
  state: EngineState;
  commands: EngineCommand[];
}

/** A human task waiting for staff, as the queue and the Update validator see it. */
export interface OpenTask {
  taskId: string;
  node: string;
  visit: number;
  title: string;
  department: string;
  role: string | null;
  outcomes: string[];
  kind: TaskKind;
  form: FormField[];
}
