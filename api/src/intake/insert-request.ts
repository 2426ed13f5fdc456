/**
 * Stores an accepted report in one SQL statement: the request row, its photo attached, its `opened`
 * timeline row and its outbox message (when it has a workflow to start), together or not at all.
 * One statement is one round trip and one implicit transaction; the interactive transaction it
 * replaces held a pooled connection for five round trips (BEGIN, three inserts, COMMIT), which is
 * what capped intake under load. Foreign keys are checked at the end of the statement, when the
 * request row the others point at exists.
 */
import type { PrismaClient } from '../db/client.js';

/** The request row's columns, as intake resolved them. */
export interface NewRequestRow {
  jurisdictionId: string;
  serviceId: string;
  departmentId: string;
  workflowVersionId: string | null;
  description: string | null;
  attributes: Record<string, unknown>;
  lat: number | null;
  long: number | null;
  address: string | null;
  addressId: string | null;
  zipcode: string | null;
  district: string | null;
  ward: string | null;
  serviceArea: string | null;
  x: number | null;
  y: number | null;
  spatialReference: string | null;
  mediaUrl: string | null;
  channel: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  deviceId: string | null;
  accountId: string | null;
  requestedAt: Date;
  expectedAt: Date | null;
  duplicateScore: number | null;
}

export interface NewRequestExtras {
  /** An uploaded photo (`media.id`) to attach, when the report names one of this city's uploads. */
  photoId: string | null;
  /** The `opened` timeline row's summary and data. */
  opened: { summary: string; data: Record<string, unknown> };
  /** The outbox message that starts the workflow; null when the service has no published workflow. */
  outbox: { kind: string; payload: Record<string, unknown> } | null;
}

export interface InsertedRequest {
  id: bigint;
  token: string;
  accountId: string | null;
}

/** Inserts the rows; answers the new request's id, tracking token and account. */
export async function insertRequestRows(
  db: PrismaClient,
  row: NewRequestRow,
  extras: NewRequestExtras,
): Promise<InsertedRequest> {
  const at = row.requestedAt;
  const photo = extras.photoId;
  const outbox = extras.outbox;
  // The outbox payload gets the new id in SQL; the rest of it comes from the caller.
  const payload = outbox ? JSON.stringify(outbox.payload) : '{}';
  const [inserted] = await db.$queryRaw<{ id: bigint; token: string; account_id: string | null }[]>`
    WITH request AS (
      INSERT INTO service_requests (
        jurisdiction_id, service_id, department_id, workflow_version_id, description, attributes,
        lat, long, address, address_id, zipcode, district, ward, service_area, x, y, spatial_reference,
        media_url, channel, first_name, last_name, email, phone, device_id, account_id,
        requested_at, updated_at, expected_at, duplicate_score)
      VALUES (
        ${row.jurisdictionId}, ${row.serviceId}::uuid, ${row.departmentId}::uuid,
        ${row.workflowVersionId}::uuid, ${row.description}, ${JSON.stringify(row.attributes)}::jsonb,
        ${row.lat}::double precision, ${row.long}::double precision, ${row.address}, ${row.addressId},
        ${row.zipcode}, ${row.district}, ${row.ward}, ${row.serviceArea}, ${row.x}::double precision,
        ${row.y}::double precision, ${row.spatialReference}, ${row.mediaUrl}, ${row.channel},
        ${row.firstName}, ${row.lastName}, ${row.email}, ${row.phone}, ${row.deviceId}, ${row.accountId},
        ${at}::timestamptz, ${at}::timestamptz, ${row.expectedAt}::timestamptz,
        ${row.duplicateScore}::double precision)
      RETURNING id, token, account_id
    ),
    photo AS (
      UPDATE media SET request_id = (SELECT id FROM request)
      WHERE ${photo}::uuid IS NOT NULL AND id = ${photo}::uuid
        AND jurisdiction_id = ${row.jurisdictionId} AND request_id IS NULL
    ),
    opened AS (
      INSERT INTO timeline_events (request_id, at, kind, public, summary, actor, data)
      SELECT id, ${at}::timestamptz, 'opened', true, ${extras.opened.summary}, 'resident',
             ${JSON.stringify(extras.opened.data)}::jsonb
      FROM request
    ),
    outbox AS (
      INSERT INTO outbox_messages (kind, payload, created_at, available_at)
      SELECT ${outbox?.kind ?? ''}, jsonb_build_object('requestId', id::text) || ${payload}::jsonb,
             ${at}::timestamptz, ${at}::timestamptz
      FROM request WHERE ${outbox !== null}::boolean
    )
    SELECT id, token::text AS token, account_id FROM request`;
  if (!inserted) throw new Error('The request row was not inserted');
  return { id: inserted.id, token: inserted.token, accountId: inserted.account_id };
}
