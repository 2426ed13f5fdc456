/**
 * One keyset page of a department's queue. Each sort order is an ordered walk of one partial index
 * (see the queue_paging migration) from where the last page ended, so page 400 costs what page 1
 * costs and a task added or closed meanwhile never shifts the others: none is skipped or repeated.
 *
 * - due: due date, soonest first, tasks without one last; a walk of the dated tasks, then of the
 *   undated ones (two index ranges, since a row comparison cannot cross NULLs);
 * - age: oldest first;
 * - service: by service name, then due date within each service; the cursor's service continues
 *   with the due walk, later services come from one LATERAL probe per service.
 */
import { Prisma, type PrismaClient } from '../db/generated/client.js';
import { allConditions } from './queue-conditions.js';
import type { QueueCursor } from './queue-cursor.js';
import type { QueueScope, QueueSort } from './queue-filters.js';
import { QUEUE_COLUMNS, type QueueRecord } from './queue-rows.js';

/** A page row: the task, what the queue shows of its request, and the keys of the next cursor. */
export type PageKey = QueueRecord;

const FROM = Prisma.sql`FROM tasks t JOIN service_requests r ON r.id = t.request_id
  JOIN services s ON s.id = r.service_id LEFT JOIN staff_members a ON a.id = t.assignee_id`;

/**
 * Up to `limit + 1` tasks after `cursor` (the extra one tells whether a next page exists), each
 * fully loaded in the same query: one round trip per page (two when the due walk reaches the
 * undated tasks).
 */
export async function queuePageKeys(
  db: PrismaClient,
  scope: QueueScope,
  sort: QueueSort,
  cursor: QueueCursor | null,
  limit: number,
): Promise<PageKey[]> {
  const want = limit + 1;
  const where = allConditions(scope);
  if (sort === 'age') {
    const keyset = cursor
      ? Prisma.sql`AND (t.created_at, t.id) > (${new Date(cursor.createdAt)}, ${cursor.id}::uuid)`
      : Prisma.empty;
    return db.$queryRaw<PageKey[]>`SELECT ${QUEUE_COLUMNS} ${FROM} WHERE ${where} ${keyset}
      ORDER BY t.created_at, t.id LIMIT ${want}`;
  }
  if (sort === 'due') return dueWalk(db, where, cursor, want);
  return serviceWalk(db, scope, where, cursor, want);
}

/** Tasks by due date (NULLs last) after `cursor`, within `where`. */
async function dueWalk(
  db: PrismaClient,
  where: Prisma.Sql,
  cursor: Pick<QueueCursor, 'dueAt' | 'id'> | null,
  want: number,
): Promise<PageKey[]> {
  const rows: PageKey[] = [];
  if (!cursor || cursor.dueAt !== null) {
    const keyset = cursor
      ? Prisma.sql`AND (t.due_at, t.id) > (${new Date(cursor.dueAt!)}, ${cursor.id}::uuid)`
      : Prisma.empty;
    rows.push(
      ...(await db.$queryRaw<PageKey[]>`SELECT ${QUEUE_COLUMNS} ${FROM}
        WHERE ${where} AND t.due_at IS NOT NULL ${keyset} ORDER BY t.due_at, t.id LIMIT ${want}`),
    );
  }
  if (rows.length < want) {
    const keyset = cursor && cursor.dueAt === null ? Prisma.sql`AND t.id > ${cursor.id}::uuid` : Prisma.empty;
    rows.push(
      ...(await db.$queryRaw<PageKey[]>`SELECT ${QUEUE_COLUMNS} ${FROM}
        WHERE ${where} AND t.due_at IS NULL ${keyset} ORDER BY t.id LIMIT ${want - rows.length}`),
    );
  }
  return rows;
}

/** Tasks by service name, then due date, after `cursor`. */
async function serviceWalk(
  db: PrismaClient,
  scope: QueueScope,
  where: Prisma.Sql,
  cursor: QueueCursor | null,
  want: number,
): Promise<PageKey[]> {
  const services = await db.service.findMany({
    where: {
      jurisdictionId: scope.jurisdictionId,
      ...(scope.serviceId ? { id: scope.serviceId } : {}),
    },
    select: { id: true },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
  });
  let order = services.map((s) => s.id);
  const rows: PageKey[] = [];
  if (cursor?.serviceId) {
    const at = order.indexOf(cursor.serviceId);
    rows.push(
      ...(await dueWalk(db, Prisma.sql`${where} AND t.service_id = ${cursor.serviceId}::uuid`, cursor, want)),
    );
    order = at >= 0 ? order.slice(at + 1) : order;
  }
  if (rows.length < want && order.length > 0) {
    const rest = want - rows.length;
    rows.push(
      ...(await db.$queryRaw<PageKey[]>`SELECT q.*
        FROM unnest(${order}::uuid[]) WITH ORDINALITY AS u(service_id, ord)
        CROSS JOIN LATERAL (
          SELECT ${QUEUE_COLUMNS} ${FROM}
          WHERE ${where} AND t.service_id = u.service_id
          ORDER BY t.due_at, t.id LIMIT ${rest}
        ) q
        ORDER BY u.ord, q.due_at, q.id LIMIT ${rest}`),
    );
  }
  return rows;
}

/** The cursor that continues after `last`. */
export function cursorAfter(last: PageKey, sort: QueueSort, asOf: Date): QueueCursor {
  return {
    sort,
    asOf,
    id: last.id,
    dueAt: last.due_at ? last.due_at.getTime() : null,
    createdAt: last.created_at.getTime(),
    serviceId: last.service_id,
  };
}
