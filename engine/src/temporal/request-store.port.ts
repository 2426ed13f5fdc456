/**
 * What the engine needs from the request database. The API implements it with Prisma; tests use
 * `InMemoryRequestStore`. Every write carries a `key` unique to that write in the run, so an activity
 * retried after a crash (the write landed, the reply was lost) must not write twice: store the key
 * with a unique index and ignore a second write with the same key.
 */
import type { ExtendedStatus, TimelineActor, TimelineEventKind } from '@civicdesk/schemas';
import type { FormField, NotifyChannel, TaskKind } from '../core/index.js';

/** Keys are `<workflowId>:<seq>` (see keys.ts); the workflow id is `request-<requestId>`. */
interface KeyedWrite {
  key: string;
  requestId: string;
  workflowId: string;
}

/** A human task row. Idempotent by `key` = `<workflowId>:<node>:<visit>`: a second call returns the first task. */
export interface CreateTaskInput extends KeyedWrite {
  node: string;
  visit: number;
  title: string;
  description: string | null;
  kind: TaskKind;
  department: string;
  role: string | null;
  /** The SLA as written, for people: an ISO 8601 duration (P3D) or "3 business days"; null without one. */
  sla: string | null;
  /**
   * The SLA deadline (ISO 8601 instant) the run computed in workflow time, business calendar included;
   * the store sets it as the task's due date and the request's expected_datetime.
   */
  dueAt: string | null;
  outcomes: string[];
  /** Typed fields staff fill in; their values become run variables. */
  form: FormField[];
}

export interface TimelineEntryInput extends KeyedWrite {
  kind: TimelineEventKind;
  node: string | null;
  summary: string;
  description: string | null;
  /** Residents see public entries on the tracking page; private ones are staff-only. */
  public: boolean;
  actor: TimelineActor;
  /** Machine-readable detail (task id, matched rule, pinned ref) for staff tools and audits. */
  data: Record<string, unknown>;
}

/** Changes the request's status; the store also records it on the timeline (public, with the note). */
export interface SetStatusInput extends KeyedWrite {
  status: ExtendedStatus;
  note: string | null;
}

/** Closes the request; the store records the resolution and the public closing message on the timeline. */
export interface CloseRequestInput extends KeyedWrite {
  status: ExtendedStatus;
  resolution: string;
  message: string | null;
}

/** Marks the task row done with who completed it and how. */
export interface MarkTaskCompletedInput extends KeyedWrite {
  taskId: string;
  outcome: string;
  by: string;
  note: string | null;
  values: Record<string, unknown>;
}

/** A message for the resident, queued in the notification outbox; another part renders and sends it. */
export interface QueueNotificationInput extends KeyedWrite {
  /** The workflow node that asked for it. */
  node: string;
  /** Template name, e.g. request_answered. */
  template: string;
  channel: NotifyChannel;
  /** Values the template reads (already rendered from facts and variables). */
  data: Record<string, string>;
}

/** Moves the request to another department (Open311 agency_responsible); the store records it on the timeline. */
export interface TransferRequestInput extends KeyedWrite {
  /** The workflow node that asked for it. */
  node: string;
  department: string;
  note: string | null;
}

/** Marks the request a duplicate of an earlier one; the store records the link on the timeline. */
export interface LinkDuplicateInput extends KeyedWrite {
  /** The workflow node that asked for it. */
  node: string;
  /** The original request's id. */
  duplicateOf: string;
}

/** A closed request opened again by a new run (status `reopen`, closed date cleared, public timeline entry). */
export interface ReopenRequestInput extends KeyedWrite {
  /** The workflow node the new run resumes at. */
  node: string;
  reason: string | null;
  /** Who reopened it: `resident`, `staff:<id>`. */
  by: string;
}

/** An escalation moved an open task to another department or role. */
export interface ReassignTaskInput extends KeyedWrite {
  /** The workflow node that asked for it. */
  node: string;
  taskId: string;
  department: string;
  role: string | null;
}

/** Cancels an open task row a join no longer needs (another branch finished first). */
export interface CancelTaskInput extends KeyedWrite {
  /** The workflow node that asked for it. */
  node: string;
  taskId: string;
}

export type LinkDuplicateResult = { linked: true } | { linked: false; reason: string };

/** An answer task's text made public: a public timeline note and the request's status notes. */
export interface PublishAnswerInput extends KeyedWrite {
  /** The workflow node that asked for it. */
  node: string;
  taskId: string;
  text: string;
  by: string;
}

/** The request database as the engine sees it. */
export interface RequestStore {
  /** Writes the task row once per key and returns its id (the existing id when the key was seen). */
  createTask(input: CreateTaskInput): Promise<{ taskId: string }>;
  /** Appends one timeline entry; a repeated key is ignored. */
  appendTimeline(input: TimelineEntryInput): Promise<void>;
  /** Sets the request status (and its timeline entry); a repeated key is ignored. */
  setStatus(input: SetStatusInput): Promise<void>;
  /** Closes the request (and its timeline entry); a repeated key is ignored. */
  closeRequest(input: CloseRequestInput): Promise<void>;
  /** Records the task's completion; a repeated key is ignored. */
  markTaskCompleted(input: MarkTaskCompletedInput): Promise<void>;
  /** Queues a notification to the resident; a repeated key is ignored. */
  queueNotification(input: QueueNotificationInput): Promise<void>;
  /** Moves the request to another department (and its timeline entry); a repeated key is ignored. */
  transferRequest(input: TransferRequestInput): Promise<void>;
  /**
   * Links the request to the one it duplicates (and its timeline entry); a repeated key answers as the
   * first call did. `linked: false` (no such request, a cycle) sends the run along the node's on_failure.
   */
  linkDuplicate(input: LinkDuplicateInput): Promise<LinkDuplicateResult>;
  /** Opens a closed request again for a new run; a repeated key is ignored. */
  reopenRequest(input: ReopenRequestInput): Promise<void>;
  /** Moves an open task (and the request) to another department or role; a repeated key is ignored. */
  reassignTask(input: ReassignTaskInput): Promise<void>;
  /** Cancels an open task row (completed ones stay as they are); a repeated key is ignored. */
  cancelTask(input: CancelTaskInput): Promise<void>;
  /** Publishes an answer (public timeline note, status notes); a repeated key is ignored. */
  publishAnswer(input: PublishAnswerInput): Promise<void>;
}
