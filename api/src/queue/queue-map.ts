/**
 * The queue on a map: the located tasks the clerk's filters select, soonest due first, capped so a
 * browser can draw them (a city-wide backlog is drawn as its most urgent `limit` tasks and says so).
 */
import type { PrismaClient } from '../db/generated/client.js';
import { allConditions } from './queue-conditions.js';
import type { QueueScope } from './queue-filters.js';
import { slaStateAt } from './sla-window.js';

interface MapRow {
  id: string;
  request_id: bigint;
  lat: number;
  long: number;
  due_at: Date | null;
  status: string;
  title: string;
  service_name: string;
  address: string | null;
}

/** Up to `limit` located tasks (and whether more were left out). */
export async function queueMapPoints(db: PrismaClient, scope: QueueScope, limit: number) {
  const rows = await db.$queryRaw<MapRow[]>`
    SELECT t.id::text AS id, r.id AS request_id, r.lat, r.long, t.due_at, t.status, t.title,
      s.name AS service_name, r.address
    FROM tasks t JOIN service_requests r ON r.id = t.request_id JOIN services s ON s.id = r.service_id
    WHERE ${allConditions(scope)} AND r.lat IS NOT NULL AND r.long IS NOT NULL
    ORDER BY t.due_at, t.id LIMIT ${limit + 1}`;
  return {
    truncated: rows.length > limit,
    points: rows.slice(0, limit).map((row) => ({
      id: row.id,
      service_request_id: row.request_id.toString(),
      lat: row.lat,
      long: row.long,
      status: row.status,
      title: row.title,
      service_name: row.service_name,
      address: row.address,
      due_at: row.due_at?.toISOString() ?? null,
      sla_state: slaStateAt(row.due_at, scope.asOf),
    })),
  };
}

export type QueueMapPoint = Awaited<ReturnType<typeof queueMapPoints>>['points'][number];
