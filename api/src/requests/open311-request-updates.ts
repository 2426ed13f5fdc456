/**
 * mySociety's update exchange (`GET /servicerequestupdates`), what FixMyStreet and other back
 * offices poll: every public status change and closure, with the extended status, in a date range
 * on the update time (the same 90-day rule as `GET /requests`).
 * @see ../../../../shared/OPEN311.md "Extensions used by real deployments"
 */
import { extendedStatus as extendedStatusSchema } from '@civicdesk/schemas';
import type { PrismaClient } from '../db/generated/client.js';
import { iso } from './open311-request.js';
import { MAX_RANGE_DAYS, MAX_RESULTS } from './open311-request-filters.js';
import { isoDateTime } from '@civicdesk/schemas';

const DAY = 86_400_000;

/** Timeline kinds that are updates in mySociety's sense. */
const UPDATE_KINDS = ['status_changed', 'closed'];

export type UpdatesRange = { ok: true; from: Date; to: Date } | { ok: false; errors: string[] };

/** Reads `start_date`/`end_date`: the last 90 days by default, never more than 90 days. */
export function updatesRange(q: Record<string, string | undefined>, now: Date): UpdatesRange {
  const errors: string[] = [];
  const read = (name: 'start_date' | 'end_date') => {
    const raw = q[name];
    if (raw === undefined) return undefined;
    if (!isoDateTime.safeParse(raw).success) {
      errors.push(
        `${name}: '${raw.slice(0, 80)}' is not a date and time with a zone; write it like 2026-03-01T00:00:00Z.`,
      );
      return undefined;
    }
    return new Date(raw);
  };
  const start = read('start_date');
  const end = read('end_date');
  if (errors.length) return { ok: false, errors };
  const to = end ?? (start ? new Date(start.getTime() + MAX_RANGE_DAYS * DAY) : now);
  const from = start ?? new Date(to.getTime() - MAX_RANGE_DAYS * DAY);
  if (to < from) return { ok: false, errors: ['end_date: it is before start_date; swap them.'] };
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY)
    return {
      ok: false,
      errors: [`end_date: the range may not exceed ${MAX_RANGE_DAYS} days; narrow start_date and end_date.`],
    };
  return { ok: true, from, to };
}

const extendedStatus = (data: unknown, kind: string): string => {
  const status = (data as { status?: unknown } | null)?.status;
  if (typeof status === 'string' && extendedStatusSchema.safeParse(status).success) return status;
  return kind === 'closed' ? 'closed' : 'open';
};

/** The updates of one jurisdiction's requests in the range, oldest first, at most 1000. */
export async function findRequestUpdates(db: PrismaClient, jurisdictionId: string, from: Date, to: Date) {
  const events = await db.timelineEvent.findMany({
    where: {
      kind: { in: UPDATE_KINDS },
      public: true,
      at: { gte: from, lte: to },
      request: { jurisdictionId },
    },
    orderBy: [{ at: 'asc' }, { id: 'asc' }],
    take: MAX_RESULTS,
  });
  return events.map((e) => ({
    update_id: e.id.toString(),
    service_request_id: e.requestId.toString(),
    status: extendedStatus(e.data, e.kind),
    updated_datetime: iso(e.at),
    description: e.description ?? e.summary,
    media_url: mediaUrlOf(e.data),
  }));
}

const mediaUrlOf = (data: unknown) => {
  const url = (data as { media_url?: unknown } | null)?.media_url;
  return typeof url === 'string' ? url : '';
};
