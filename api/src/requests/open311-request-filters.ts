/**
 * `GET /requests` filters as Open311 defines them: `service_request_id` (comma list, overrides the
 * rest), `service_code` (comma list), `start_date`/`end_date` on requested_datetime (90 days at most,
 * last 90 days by default), `status` (open, closed). Empty parameters count as absent.
 * @see ../../../../shared/OPEN311.md "Endpoints"
 */
import { isoDateTime } from '@civicdesk/schemas';
import type { Prisma } from '../db/generated/client.js';

const DAY = 86_400_000;
export const MAX_RANGE_DAYS = 90;
export const MAX_RESULTS = 1000;

export type FilterResult =
  { ok: true; where: Prisma.ServiceRequestWhereInput } | { ok: false; errors: string[] };

const list = (v: string | undefined) =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** Turns query parameters into a Prisma filter, or into user-facing errors naming the parameter. */
export function requestFilters(
  jurisdictionId: string,
  q: Record<string, string | undefined>,
  now: Date,
): FilterResult {
  const ids = list(q.service_request_id);
  if (ids.length > 0) {
    const bad = ids.filter((id) => !/^\d{1,18}$/.test(id));
    if (bad.length)
      return {
        ok: false,
        errors: [
          `service_request_id: '${bad.join("', '")}' is not a request id; ids are whole numbers, e.g. 1042.`,
        ],
      };
    return { ok: true, where: { jurisdictionId, id: { in: ids.map(BigInt) } } };
  }
  const errors: string[] = [];
  const date = (name: 'start_date' | 'end_date') => {
    const raw = q[name]?.trim();
    if (!raw) return undefined;
    if (!isoDateTime.safeParse(raw).success) {
      errors.push(
        `${name}: '${raw}' is not a date and time with a zone; write it like 2026-03-01T00:00:00Z.`,
      );
      return undefined;
    }
    return new Date(raw);
  };
  let start = date('start_date');
  let end = date('end_date');
  if (start && end && end < start) errors.push('end_date: it is before start_date; swap them.');
  if (!start && !end) {
    end = now;
    start = new Date(now.getTime() - MAX_RANGE_DAYS * DAY);
  } else if (start && !end) end = new Date(start.getTime() + MAX_RANGE_DAYS * DAY);
  else if (end && !start) start = new Date(end.getTime() - MAX_RANGE_DAYS * DAY);
  if (start && end && end.getTime() - start.getTime() > MAX_RANGE_DAYS * DAY) {
    errors.push(`end_date: the range may not exceed ${MAX_RANGE_DAYS} days; narrow start_date and end_date.`);
  }
  const statuses = list(q.status);
  const badStatus = statuses.filter((s) => s !== 'open' && s !== 'closed');
  if (badStatus.length)
    errors.push(
      `status: '${badStatus.join("', '")}' is not a status; use open, closed or both (open,closed).`,
    );
  if (errors.length) return { ok: false, errors };
  const codes = list(q.service_code);
  return {
    ok: true,
    where: {
      jurisdictionId,
      requestedAt: { gte: start, lte: end },
      ...(codes.length ? { service: { code: { in: codes } } } : {}),
      ...(statuses.length ? { status: { in: statuses } } : {}),
    },
  };
}
