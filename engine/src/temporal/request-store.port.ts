/**
 * What the engine needs from the request database. The API implements it with Prisma; tests use
 * `InMemoryRequestStore`. Every write carries a `key` unique to that write in the run, so an activity
 * retried after a crash (the write landed, the reply was lost) must not write twice: store the key
 * with a unique index and ignore a second write with the same key.
 */
import type { ExtendedStatus, TimelineActor, TimelineEventKind } from '@civicdesk/schemas';
import type { TaskKind } from '../core/index.js';

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
  /** ISO 8601 duration, e.g. P3D; the store computes the due date from its creation time. */
  sla: string | null;
  outcomes: string[];
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
}
