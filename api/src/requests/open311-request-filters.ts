/**
 * `GET /requests` filters as Open311 defines them: `service_request_id` (comma list, overrides the
 * rest), `service_code` (comma list), `start_date`/`end_date` on requested_datetime (90 days at most,
 * last 90 days by default), `status` (open, closed). Extensions real clients use: `page`/`page_size`
 * (only when sent, so plain clients still get up to 1000), `updated_after`/`updated_before`,
 * `lat`/`long`/`radius` and `bbox`. Empty parameters count as absent. Pure: no database here.
 * @see ../../../../shared/OPEN311.md "Endpoints", "Extensions used by real deployments"
 */
import { isoDateTime } from '@civicdesk/schemas';
import type { Prisma } from '../db/generated/client.js';

const DAY = 86_400_000;
export const MAX_RANGE_DAYS = 90;
export const MAX_RESULTS = 1000;
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;
export const DEFAULT_RADIUS_M = 500;
export const MAX_RADIUS_M = 50_000;

/** A circle around a point, for "is this already reported?" lookups. */
export interface NearFilter {
  lat: number;
  long: number;
  radiusM: number;
}

export interface RequestQuery {
  where: Prisma.ServiceRequestWhereInput;
  near: NearFilter | null;
  skip: number;
  take: number;
  /** `extensions=true`: add extended_attributes and the public notes. */
  extensions: boolean;
}

export type FilterResult = { ok: true; query: RequestQuery } | { ok: false; errors: string[] };

type Query = Record<string, string | undefined>;

const list = (v: string | undefined) =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

const numberPattern = /^[-+]?(\d+(\.\d*)?|\.\d+)$/;

/** Turns query parameters into a database query, or into user-facing errors naming the parameter. */
export function requestFilters(jurisdictionId: string, q: Query, now: Date): FilterResult {
  const errors: string[] = [];
  const extensions = readExtensions(q, errors);
  const paging = readPaging(q, errors);
  const ids = list(q.service_request_id);
  if (ids.length > 0) {
    const bad = ids.filter((id) => !/^\d{1,18}$/.test(id));
    if (bad.length)
      errors.push(
        `service_request_id: '${quoteList(bad)}' is not a request id; ids are whole numbers, e.g. 1042.`,
      );
    if (ids.length > MAX_RESULTS)
      errors.push(`service_request_id: ask for at most ${MAX_RESULTS} ids at once; split the list.`);
    if (errors.length) return { ok: false, errors };
    const where = { jurisdictionId, id: { in: ids.map(BigInt) } };
    return { ok: true, query: { where, near: null, extensions, ...paging } };
  }

  const start = readDate(q, 'start_date', errors);
  const end = readDate(q, 'end_date', errors);
  const updatedAfter = readDate(q, 'updated_after', errors);
  const updatedBefore = readDate(q, 'updated_before', errors);
  const requested = requestedRange(start, end, !!(updatedAfter || updatedBefore), now, errors);
  if (updatedAfter && updatedBefore && updatedBefore < updatedAfter)
    errors.push('updated_before: it is before updated_after; swap them.');

  const statuses = list(q.status?.toLowerCase());
  const badStatus = statuses.filter((s) => s !== 'open' && s !== 'closed');
  if (badStatus.length)
    errors.push(`status: '${quoteList(badStatus)}' is not a status; use open, closed or both (open,closed).`);
  const near = readNear(q, errors);
  const bbox = readBbox(q, errors);
  if (errors.length) return { ok: false, errors };

  const codes = list(q.service_code);
  const where: Prisma.ServiceRequestWhereInput = {
    jurisdictionId,
    ...(requested ? { requestedAt: requested } : {}),
    ...(updatedAfter || updatedBefore ? updatedRange(updatedAfter, updatedBefore) : {}),
    ...(codes.length ? { service: { code: { in: codes } } } : {}),
    ...(statuses.length ? { status: { in: [...new Set(statuses)] } } : {}),
    ...(bbox
      ? { lat: { gte: bbox.minLat, lte: bbox.maxLat }, long: { gte: bbox.minLng, lte: bbox.maxLng } }
      : {}),
  };
  return { ok: true, query: { where, near, extensions, ...paging } };
}

/** `updated_datetime` is the close time once closed, else the last change: filter on what is shown. */
function updatedRange(after: Date | undefined, before: Date | undefined): Prisma.ServiceRequestWhereInput {
  const range = { ...(after ? { gte: after } : {}), ...(before ? { lte: before } : {}) };
  return { OR: [{ closedAt: range }, { closedAt: null, updatedAt: range }] };
}

/** The requested_datetime window: the last 90 days by default, never longer than 90 days. */
function requestedRange(
  start: Date | undefined,
  end: Date | undefined,
  byUpdate: boolean,
  now: Date,
  errors: string[],
): { gte: Date; lte: Date } | null {
  if (start && end && end < start) {
    errors.push('end_date: it is before start_date; swap them.');
    return null;
  }
  if (!start && !end) {
    // A client syncing by updated_after wants old requests that changed lately too.
    if (byUpdate) return null;
    return { gte: new Date(now.getTime() - MAX_RANGE_DAYS * DAY), lte: now };
  }
  const from = start ?? new Date(end!.getTime() - MAX_RANGE_DAYS * DAY);
  const to = end ?? new Date(start!.getTime() + MAX_RANGE_DAYS * DAY);
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY)
    errors.push(`end_date: the range may not exceed ${MAX_RANGE_DAYS} days; narrow start_date and end_date.`);
  return { gte: from, lte: to };
}

function readDate(q: Query, name: string, errors: string[]): Date | undefined {
  const raw = q[name]?.trim();
  if (!raw) return undefined;
  const date = new Date(raw);
  if (!isoDateTime.safeParse(raw).success || Number.isNaN(date.getTime())) {
    errors.push(
      `${name}: '${clip(raw)}' is not a date and time with a zone; write it like 2026-03-01T00:00:00Z.`,
    );
    return undefined;
  }
  return date;
}

function readExtensions(q: Query, errors: string[]): boolean {
  const raw = q.extensions?.toLowerCase();
  if (raw === undefined || raw === 'false') return false;
  if (raw === 'true') return true;
  errors.push(
    `extensions: '${clip(raw)}' is not true or false; send extensions=true for notes and extended_attributes.`,
  );
  return false;
}

/** Pagination applies only when `page` or `page_size` is sent; plain clients get up to 1000. */
function readPaging(q: Query, errors: string[]): { skip: number; take: number } {
  if (q.page === undefined && q.page_size === undefined) return { skip: 0, take: MAX_RESULTS };
  const page = readWhole(q, 'page', 1, 1_000_000, 1, errors);
  const size = readWhole(q, 'page_size', 1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE, errors);
  return { skip: (page - 1) * size, take: size };
}

function readWhole(q: Query, name: string, min: number, max: number, fallback: number, errors: string[]) {
  const raw = q[name];
  if (raw === undefined) return fallback;
  const value = /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  if (Number.isNaN(value) || value < min || value > max) {
    errors.push(`${name}: '${clip(raw)}' is not allowed; send a whole number from ${min} to ${max}.`);
    return fallback;
  }
  return value;
}

function readNumber(q: Query, name: string, min: number, max: number, errors: string[]) {
  const raw = q[name];
  if (raw === undefined) return undefined;
  const value = numberPattern.test(raw) ? Number(raw) : NaN;
  if (Number.isNaN(value) || value < min || value > max) {
    errors.push(`${name}: '${clip(raw)}' is not a number from ${min} to ${max}; e.g. ${name}=${max / 2}.`);
    return undefined;
  }
  return value;
}

/** `lat`, `long` and `radius` in metres (CitySDK, Mark-a-Spot). */
function readNear(q: Query, errors: string[]): NearFilter | null {
  const sent = ['lat', 'long', 'radius'].filter((n) => q[n] !== undefined);
  if (sent.length === 0) return null;
  const lat = readNumber(q, 'lat', -90, 90, errors);
  const long = readNumber(q, 'long', -180, 180, errors);
  const radius = readNumber(q, 'radius', 1, MAX_RADIUS_M, errors);
  if (q.lat === undefined || q.long === undefined) {
    errors.push(
      `${q.lat === undefined ? 'lat' : 'long'}: send lat and long together (radius in metres is optional, ${DEFAULT_RADIUS_M} by default).`,
    );
    return null;
  }
  if (lat === undefined || long === undefined) return null;
  return { lat, long, radiusM: radius ?? DEFAULT_RADIUS_M };
}

/** `bbox=minLng,minLat,maxLng,maxLat` in WGS84 degrees. */
function readBbox(q: Query, errors: string[]) {
  if (q.bbox === undefined) return null;
  const parts = q.bbox.split(',').map((s) => s.trim());
  const numbers = parts.map((p) => (numberPattern.test(p) ? Number(p) : NaN));
  const [minLng, minLat, maxLng, maxLat] = numbers as [number, number, number, number];
  const valid =
    numbers.length === 4 &&
    numbers.every((n) => !Number.isNaN(n)) &&
    minLng >= -180 &&
    maxLng <= 180 &&
    minLat >= -90 &&
    maxLat <= 90 &&
    minLng <= maxLng &&
    minLat <= maxLat;
  if (!valid) {
    errors.push(
      `bbox: '${clip(q.bbox)}' is not a box; send bbox=minLng,minLat,maxLng,maxLat in degrees, e.g. bbox=-89.7,39.7,-89.6,39.8.`,
    );
    return null;
  }
  return { minLng, minLat, maxLng, maxLat };
}

const clip = (text: string) => (text.length > 80 ? `${text.slice(0, 80)}…` : text);
const quoteList = (items: string[]) => clip(items.slice(0, 5).map(clip).join("', '"));
