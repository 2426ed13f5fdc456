/**
 * Duplicate check at intake: the open requests of the same service near a new report and recent
 * enough, best first, so the resident can follow one instead of filing again and the workflow can
 * route on the best score.
 * @see ../../../../shared/DESIGN.md "The life of a request", step 3
 */
import { Prisma } from '../db/generated/client.js';
import { scoreCandidate } from './score.js';

/** Where and what a resident is about to report. */
export interface DuplicateQuery {
  jurisdictionId: string;
  serviceCode: string;
  lat: number;
  long: number;
  description?: string | null;
  /** The time of the report: candidates were requested in the service's window before it. */
  at: Date;
  /** How many candidates to return (default 5, at most 50). */
  limit?: number;
}

/** One open request that may be the same problem, in Open311 field names. */
export interface DuplicateCandidate {
  service_request_id: string;
  service_code: string;
  distance_m: number;
  age_days: number;
  /** pg_trgm similarity of the descriptions, null when either has none. */
  text_similarity: number | null;
  /** 0..1, see score.ts. */
  score: number;
  description: string | null;
  requested_datetime: string;
  address: string | null;
}

type Row = {
  id: bigint;
  service_code: string;
  description: string | null;
  requested_at: Date;
  address: string | null;
  distance_m: number;
  age_days: number;
  text_similarity: number | null;
  radius_m: number;
  window_days: number;
};

/** Mean Earth radius (IUGG), metres. Haversine on it errs < 0.5 % at city scale. */
const EARTH_RADIUS_M = 6_371_008.8;
/**
 * Rows read before scoring, nearest first. Far above any useful list, it only caps the work when one
 * spot holds hundreds of open reports (NYC's busiest coordinate holds 0.15 % of all requests).
 */
const MAX_ROWS_SCORED = 200;

/**
 * Finds open, unlinked requests of the same service within the service's radius and window, scored
 * and sorted best first. An unknown service gives no candidates.
 */
export async function findDuplicateCandidates(
  db: Pick<Prisma.TransactionClient, '$queryRaw'>,
  query: DuplicateQuery,
): Promise<DuplicateCandidate[]> {
  const limit = Math.min(50, Math.max(1, Math.trunc(query.limit ?? 5)));
  const rows = await db.$queryRaw<Row[]>(candidateSearchSql(query));
  return rows
    .map((row) => toCandidate(row))
    .sort((a, b) => b.score - a.score || a.distance_m - b.distance_m)
    .slice(0, limit);
}

/**
 * The one query behind findDuplicateCandidates (exported so the benchmark can EXPLAIN it). The
 * lat/long box and the window use the partial index
 * `service_requests_service_id_lat_long_requested_at_idx`; exact haversine distance and trigram
 * similarity are computed only for the rows inside the box.
 */
export function candidateSearchSql(query: DuplicateQuery): Prisma.Sql {
  const { jurisdictionId, serviceCode, lat, long, at } = query;
  if (!Number.isFinite(lat) || lat < -90 || lat > 90) throw new RangeError('lat must be between -90 and 90');
  if (!Number.isFinite(long) || long < -180 || long > 180)
    throw new RangeError('long must be between -180 and 180');
  const description = query.description?.trim() || null;
  return Prisma.sql`
    SELECT r.id, s.code AS service_code, r.description, r.requested_at, r.address,
           d.distance_m,
           (EXTRACT(EPOCH FROM (${at}::timestamptz - r.requested_at)) / 86400)::float8 AS age_days,
           CASE WHEN ${description}::text IS NULL OR COALESCE(btrim(r.description), '') = '' THEN NULL
                ELSE similarity(r.description, ${description}::text)::float8 END AS text_similarity,
           s.duplicate_radius_m AS radius_m, s.duplicate_window_days AS window_days
    FROM services s
    JOIN service_requests r ON r.service_id = s.id
    CROSS JOIN LATERAL (
      SELECT 2 * ${EARTH_RADIUS_M}::float8 * asin(sqrt(
               power(sin(radians(r.lat - ${lat}::float8) / 2), 2)
               + cos(radians(${lat}::float8)) * cos(radians(r.lat))
                 * power(sin(radians(r.long - ${long}::float8) / 2), 2))) AS distance_m
    ) d
    WHERE s.jurisdiction_id = ${jurisdictionId} AND s.code = ${serviceCode}
      AND r.status = 'open' AND r.duplicate_of_id IS NULL
      AND r.lat BETWEEN ${lat}::float8 - degrees(s.duplicate_radius_m / ${EARTH_RADIUS_M}::float8)
                    AND ${lat}::float8 + degrees(s.duplicate_radius_m / ${EARTH_RADIUS_M}::float8)
      AND r.long BETWEEN ${long}::float8 - degrees(s.duplicate_radius_m / ${EARTH_RADIUS_M}::float8)
                         / greatest(cos(radians(${lat}::float8)), 0.01)
                     AND ${long}::float8 + degrees(s.duplicate_radius_m / ${EARTH_RADIUS_M}::float8)
                         / greatest(cos(radians(${lat}::float8)), 0.01)
      AND r.requested_at >= ${at}::timestamptz - make_interval(days => s.duplicate_window_days)
      AND r.requested_at <= ${at}::timestamptz
      AND d.distance_m <= s.duplicate_radius_m
    ORDER BY d.distance_m, r.requested_at DESC
    LIMIT ${MAX_ROWS_SCORED}`;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

function toCandidate(row: Row): DuplicateCandidate {
  const distanceM = Number(row.distance_m);
  const ageDays = Math.max(0, Number(row.age_days));
  const textSimilarity = row.text_similarity === null ? null : Number(row.text_similarity);
  const score = scoreCandidate({
    distanceM,
    radiusM: Number(row.radius_m),
    ageDays,
    windowDays: Number(row.window_days),
    textSimilarity,
  });
  return {
    service_request_id: row.id.toString(),
    service_code: row.service_code,
    distance_m: round(distanceM, 1),
    age_days: round(ageDays, 3),
    text_similarity: textSimilarity === null ? null : round(textSimilarity, 4),
    score: round(score, 4),
    description: row.description,
    requested_datetime: row.requested_at.toISOString(),
    address: row.address,
  };
}
