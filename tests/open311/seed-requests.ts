/**
 * Stored requests with chosen times and places, for the filter checks: written straight into the
 * store (as an import would), since POST always stamps "now".
 */
import type { AppContext } from '@civicdesk/api';

type Db = AppContext['db'];

export const SPRINGFIELD = 'springfield.gov';
/** A point inside Springfield's boundary (the Capitol). */
export const CAPITOL = { lat: 39.7983, long: -89.6544 };

export interface SeedRequest {
  serviceCode?: string;
  requestedAt: Date;
  updatedAt?: Date;
  closedAt?: Date | null;
  lat?: number | null;
  long?: number | null;
  description?: string;
  jurisdictionId?: string;
}

/** Inserts one request and its opening timeline event; returns its id as a string. */
export async function seedRequest(db: Db, seed: SeedRequest): Promise<string> {
  const jurisdictionId = seed.jurisdictionId ?? SPRINGFIELD;
  const service = await db.service.findFirstOrThrow({
    where: { jurisdictionId, code: seed.serviceCode ?? 'pothole' },
  });
  const created = await db.serviceRequest.create({
    data: {
      jurisdictionId,
      serviceId: service.id,
      departmentId: service.departmentId,
      channel: 'import',
      description: seed.description ?? 'seeded',
      lat: seed.lat === undefined ? CAPITOL.lat : seed.lat,
      long: seed.long === undefined ? CAPITOL.long : seed.long,
      status: seed.closedAt ? 'closed' : 'open',
      extendedStatus: seed.closedAt ? 'fixed' : 'open',
      requestedAt: seed.requestedAt,
      updatedAt: seed.updatedAt ?? seed.requestedAt,
      closedAt: seed.closedAt ?? null,
      timeline: {
        create: { at: seed.requestedAt, kind: 'opened', public: true, summary: 'Request received' },
      },
    },
  });
  return created.id.toString();
}

export const daysAgo = (days: number, from = new Date()) => new Date(from.getTime() - days * 86_400_000);
