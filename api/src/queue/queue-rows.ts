/** What the queue shows of each task: the task, its request (staff fields) and its SLA state. */
import { Prisma } from '../db/generated/client.js';
import { slaStateAt } from './sla-window.js';

/** The columns a queue query selects over `tasks t`, `service_requests r`, `services s`, `staff_members a`. */
export const QUEUE_COLUMNS = Prisma.sql`t.id::text AS id, t.title, t.kind, t.status, t.role, t.outcomes,
  t.outcome, t.form, t.version, t.assignee_id::text AS assignee_id, a.name AS assignee_name,
  t.claimed_at, t.created_at, t.due_at, t.service_id::text AS service_id,
  r.id AS request_id, r.status AS request_status, r.duplicate_of_id, s.code AS service_code,
  s.name AS service_name, r.description, r.address, r.district, r.lat, r.long, r.attributes`;

/** One row of QUEUE_COLUMNS as the database driver answers it. */
export interface QueueRecord {
  id: string;
  title: string;
  kind: string;
  status: string;
  role: string | null;
  outcomes: string[];
  outcome: string | null;
  form: Prisma.JsonValue;
  version: number;
  assignee_id: string | null;
  assignee_name: string | null;
  claimed_at: Date | null;
  created_at: Date;
  due_at: Date | null;
  service_id: string | null;
  request_id: bigint;
  request_status: string;
  duplicate_of_id: bigint | null;
  service_code: string;
  service_name: string;
  description: string | null;
  address: string | null;
  district: string | null;
  lat: number | null;
  long: number | null;
  attributes: Prisma.JsonValue;
}

/** One task as the queue answers it (snake_case, ids as strings, times as ISO 8601). */
export function toQueueRow(t: QueueRecord, asOf: Date) {
  return {
    id: t.id,
    title: t.title,
    kind: t.kind,
    status: t.status,
    role: t.role,
    outcomes: t.outcomes,
    outcome: t.outcome,
    form: t.form,
    version: t.version,
    assignee_id: t.assignee_id,
    assignee_name: t.assignee_name,
    claimed_at: t.claimed_at?.toISOString() ?? null,
    created_at: t.created_at.toISOString(),
    due_at: t.due_at?.toISOString() ?? null,
    sla_state: slaStateAt(t.due_at, asOf),
    service_request_id: t.request_id.toString(),
    request_status: t.request_status,
    duplicate_of: t.duplicate_of_id?.toString() ?? null,
    service_code: t.service_code,
    service_name: t.service_name,
    description: t.description,
    address: t.address,
    district: t.district,
    lat: t.lat,
    long: t.long,
    attributes: t.attributes,
  };
}

export type QueueRow = ReturnType<typeof toQueueRow>;
