/** The run's Update and Query: shared by the workflow (handlers) and the client (callers). */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ExtendedStatus } from '@civicdesk/schemas';
import type { OpenTask, PinnedRef } from '../core/index.js';

export interface CompleteTaskInput {
  taskId: string;
  outcome: string;
  /** Who completed it (staff user id); recorded on the task and the timeline. */
  by: string;
  /** Optional note staff wrote; it becomes the timeline entry's description. */
  note?: string;
  /** Values staff entered; they become the run's variables (`variables.<name>` in rules). */
  values?: Record<string, unknown>;
  /** The task row's node and visit, so a completion arriving before the run heard of the row is kept. */
  node?: string;
  visit?: number;
}

/** Where the run stands once the completion has been carried out to the next wait. */
export interface CompleteTaskResult {
  status: ExtendedStatus;
  closed: boolean;
  openTasks: OpenTask[];
}

export interface RunState {
  ref: PinnedRef;
  path: string[];
  status: ExtendedStatus;
  closed: boolean;
  resolution: string | null;
  openTasks: OpenTask[];
  variables: Record<string, unknown>;
  /** Whether a wait node is waiting for the resident's reply. */
  waitingForReply: boolean;
}

/** What a resident sent back (tracking page, Open311 comment, mail reply). */
export interface ResidentReplyInput {
  text: string;
  media_url?: string | null;
}

/** Whether a wait for the reply moved on (`resumed`), and where the run stands. */
export interface ResidentReplyResult {
  resumed: boolean;
  status: ExtendedStatus;
  closed: boolean;
}

export const completeTaskUpdate = defineUpdate<CompleteTaskResult, [CompleteTaskInput]>('completeTask');
export const runStateQuery = defineQuery<RunState>('runState');
export const residentReplyUpdate = defineUpdate<ResidentReplyResult, [ResidentReplyInput]>('residentReply');

/** Staff move a waiting task to another department (and role). */
export interface TransferTaskInput {
  taskId: string;
  department: string;
  role?: string | null;
  /** Who moved it (`staff:<id>`). */
  by: string;
  note?: string | null;
  /** The task row's node and visit, so a move is accepted while the run awaits the row's creation. */
  node?: string;
  visit?: number;
}

export const transferTaskUpdate = defineUpdate<CompleteTaskResult, [TransferTaskInput]>('transferTask');
