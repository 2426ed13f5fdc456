/**
 * The keyset cursor of a queue page: where the page ended (the sort key and id of its last task)
 * and the instant its SLA states were judged at, so later pages keep the same boundaries. Opaque to
 * clients (base64url JSON); a cursor from another sort order is refused.
 */
import type { QueueSort } from './queue-filters.js';

export interface QueueCursor {
  sort: QueueSort;
  asOf: Date;
  /** The last task's id. */
  id: string;
  /** due: its due date (ms, null without one); age: its creation (ms); service: both below. */
  dueAt: number | null;
  createdAt: number;
  serviceId: string | null;
}

export class BadCursorError extends Error {}

/** Packs a cursor for the client. */
export function encodeCursor(cursor: QueueCursor): string {
  const wire = [
    1,
    cursor.sort,
    cursor.asOf.getTime(),
    cursor.id,
    cursor.dueAt,
    cursor.createdAt,
    cursor.serviceId,
  ];
  return Buffer.from(JSON.stringify(wire)).toString('base64url');
}

/** Unpacks a cursor the client sent back, checking it belongs to `sort`. */
export function decodeCursor(text: string, sort: QueueSort): QueueCursor {
  let wire: unknown;
  try {
    wire = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw new BadCursorError('cursor: this is not a cursor from queue.page; start again without one.');
  }
  const [version, cursorSort, asOf, id, dueAt, createdAt, serviceId] = Array.isArray(wire) ? wire : [];
  const valid =
    version === 1 &&
    typeof asOf === 'number' &&
    typeof id === 'string' &&
    /^[0-9a-f-]{36}$/i.test(id) &&
    (dueAt === null || typeof dueAt === 'number') &&
    typeof createdAt === 'number' &&
    (serviceId === null || (typeof serviceId === 'string' && /^[0-9a-f-]{36}$/i.test(serviceId)));
  if (!valid)
    throw new BadCursorError('cursor: this is not a cursor from queue.page; start again without one.');
  if (cursorSort !== sort)
    throw new BadCursorError(
      `cursor: this cursor belongs to the '${String(cursorSort)}' order; start again without it after changing the order.`,
    );
  return { sort, asOf: new Date(asOf), id, dueAt, createdAt, serviceId };
}
