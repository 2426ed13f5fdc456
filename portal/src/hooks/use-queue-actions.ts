/**
 * The clerk's actions on the queue as calls that never throw: each answers `{ ok: true, value }` or
 * `{ ok: false, message }` (the server's words, or null when it could not be reached), so a
 * component shows the outcome beside the control that caused it.
 */
import { api } from '../api/client.js';
import { serverMessage } from '../api/errors.js';

export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string | null };

async function attempt<T>(call: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    return { ok: false, message: serverMessage(error) };
  }
}

type Ref = { taskId: string; version: number };
export type BulkAction =
  | { kind: 'claim' }
  | { kind: 'unclaim' }
  | { kind: 'reassign'; assigneeId: string }
  | { kind: 'transfer'; department: string; role?: string; note?: string }
  | { kind: 'duplicate'; duplicateOf: string }
  | { kind: 'note'; text: string };

export const queueActions = {
  claim: (ref: Ref) => attempt(() => api.queue.claim.mutate(ref)),
  unclaim: (ref: Ref) => attempt(() => api.queue.unclaim.mutate(ref)),
  addNote: (taskId: string, text: string) => attempt(() => api.queue.addNote.mutate({ taskId, text })),
  notes: (taskId: string) => attempt(() => api.queue.notes.query({ taskId })),
  markDuplicate: (taskId: string, duplicateOf: string) =>
    attempt(() => api.queue.markDuplicate.mutate({ taskId, duplicateOf })),
  transfer: (ref: Ref, target: { department: string; role?: string; note?: string }) =>
    attempt(() => api.queue.transfer.mutate({ ...ref, ...target })),
  bulk: (items: Ref[], action: BulkAction) => attempt(() => api.queue.bulk.mutate({ items, action })),
};

export type InternalNote = Extract<
  Awaited<ReturnType<typeof queueActions.notes>>,
  { ok: true }
>['value'][number];
export type BulkAnswer = Extract<Awaited<ReturnType<typeof queueActions.bulk>>, { ok: true }>['value'];
