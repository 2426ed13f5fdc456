/**
 * Runs a `GET /requests` query (see open311-request-filters.ts) against the database: the circle
 * filter in SQL (great-circle distance), then the Prisma filter, newest first, one page.
 */
import type { PrismaClient } from '../db/generated/client.js';
import type { NearFilter, RequestQuery } from './open311-request-filters.js';
import { toOpen311ExtendedRequest, toOpen311Request } from './open311-request.js';

const EARTH_RADIUS_M = 6_371_008.8;
const METRES_PER_DEGREE = 111_320;

/** The requests matching a query, rendered for Open311 (extended when asked). */
export async function findOpen311Requests(db: PrismaClient, query: RequestQuery) {
  const nearIds = query.near ? await idsWithin(db, query.near) : null;
  const where = nearIds ? { AND: [query.where, { id: { in: nearIds } }] } : query.where;
  const rows = await db.serviceRequest.findMany({
    where,
    include: {
      service: true,
      department: true,
      timeline: query.extensions
        ? { where: { public: true }, orderBy: [{ at: 'asc' }, { id: 'asc' }] }
        : false,
    },
    orderBy: [{ requestedAt: 'desc' }, { id: 'desc' }],
    skip: query.skip,
    take: query.take,
  });
  return rows.map((r) => (query.extensions ? toOpen311ExtendedRequest(r) : toOpen311Request(r)));
}

/** Ids of requests within the circle: a bounding-box prefilter, then the haversine distance. */
async function idsWithin(db: PrismaClient, near: NearFilter): Promise<bigint[]> {
  const dLat = near.radiusM / METRES_PER_DEGREE;
  const cosLat = Math.max(Math.cos((near.lat * Math.PI) / 180), 0.01);
  const dLong = Math.min(180, near.radiusM / (METRES_PER_DEGREE * cosLat));
  const rows = await db.$queryRaw<{ id: bigint }[]>`
    SELECT id FROM service_requests
    WHERE lat BETWEEN ${near.lat - dLat} AND ${near.lat + dLat}
      AND long BETWEEN ${near.long - dLong} AND ${near.long + dLong}
      AND 2 * ${EARTH_RADIUS_M}::float8 * asin(least(1, sqrt(
            power(sin(radians(lat - ${near.lat}::float8) / 2), 2)
            + cos(radians(${near.lat}::float8)) * cos(radians(lat))
              * power(sin(radians(long - ${near.long}::float8) / 2), 2)))) <= ${near.radiusM}::float8`;
  return rows.map((r) => r.id);
}
