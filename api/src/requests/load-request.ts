/**
 * One stored request with its service, department and public timeline, in one round trip: what the
 * tracking page (`tracking.get`) and Open311 `GET /requests/{id}` show. Prisma's `include` would
 * send one query per relation (four round trips); a tracking lookup costs its round trips, so this
 * is one statement with the timeline aggregated as JSON.
 */
import { Prisma, type PrismaClient } from '../db/generated/client.js';
import type { RequestWithTimeline } from './open311-request.js';

/** The request as the public views read it, plus what only the requester and staff may see. */
export type LoadedRequest = RequestWithTimeline & {
  token: string;
  jurisdictionId: string;
  departmentId: string;
  extendedStatus: string;
  resolution: string | null;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
};

interface Row extends Omit<LoadedRequest, 'service' | 'department' | 'timeline'> {
  serviceName: string;
  serviceCode: string;
  serviceNotice: string | null;
  departmentName: string;
  timeline: { at: string; kind: string; summary: string; description: string | null }[];
}

export interface LoadRequestOptions {
  /** Only a request of this jurisdiction (Open311 answers per jurisdiction). */
  jurisdictionId?: string;
  /** Load the public timeline too (oldest first); otherwise `timeline` is empty. */
  timeline: boolean;
}

/** The request `id` with its catalogue entries and public timeline, or null when there is none. */
export async function loadRequest(
  db: PrismaClient,
  id: bigint,
  options: LoadRequestOptions,
): Promise<LoadedRequest | null> {
  const timeline = options.timeline
    ? Prisma.sql`(SELECT coalesce(json_agg(json_build_object('at', e.at, 'kind', e.kind,
          'summary', e.summary, 'description', e.description) ORDER BY e.at, e.id), '[]'::json)
        FROM timeline_events e WHERE e.request_id = r.id AND e.public)`
    : Prisma.sql`'[]'::json`;
  const rows = await db.$queryRaw<Row[]>`
    SELECT r.id, r.token::text AS token, r.jurisdiction_id AS "jurisdictionId",
      r.department_id::text AS "departmentId", r.status, r.extended_status AS "extendedStatus",
      r.status_notes AS "statusNotes", r.description, r.lat, r.long, r.address,
      r.address_id AS "addressId", r.zipcode, r.x, r.y, r.spatial_reference AS "spatialReference",
      r.media_url AS "mediaUrl", r.channel, r.first_name AS "firstName", r.last_name AS "lastName",
      r.email, r.phone, r.resolution, r.requested_at AS "requestedAt", r.updated_at AS "updatedAt",
      r.closed_at AS "closedAt", r.expected_at AS "expectedAt", r.duplicate_of_id AS "duplicateOfId",
      s.name AS "serviceName", s.code AS "serviceCode", s.service_notice AS "serviceNotice",
      d.name AS "departmentName", ${timeline} AS timeline
    FROM service_requests r
      JOIN services s ON s.id = r.service_id
      JOIN departments d ON d.id = r.department_id
    WHERE r.id = ${id}
      ${options.jurisdictionId ? Prisma.sql`AND r.jurisdiction_id = ${options.jurisdictionId}` : Prisma.empty}`;
  const row = rows[0];
  if (!row) return null;
  const { serviceName, serviceCode, serviceNotice, departmentName, timeline: events, ...request } = row;
  return {
    ...request,
    service: { name: serviceName, code: serviceCode, serviceNotice },
    department: { name: departmentName },
    timeline: events.map((e) => ({ ...e, at: new Date(e.at), public: true })),
  };
}
