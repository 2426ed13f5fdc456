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
}

export const completeTaskUpdate = defineUpdate<CompleteTaskResult, [CompleteTaskInput]>('completeTask');
export const runStateQuery = defineQuery<RunState>('runState');
