/**
 * Open311 `jurisdiction_id`: required only when the endpoint serves several jurisdictions; an
 * unknown one is a 404. With a single jurisdiction, a client that always sends it is welcome too.
 */
import type { PrismaClient } from '../db/generated/client.js';

export type JurisdictionLookup = { ok: true; id: string } | { ok: false; status: 400 | 404; message: string };

/** Resolves the jurisdiction a request addresses. */
export async function resolveJurisdiction(
  db: PrismaClient,
  requested: string | undefined,
): Promise<JurisdictionLookup> {
  const wanted = requested?.trim();
  if (wanted) {
    const found = await db.jurisdiction.findUnique({ where: { id: wanted }, select: { id: true } });
    return found
      ? { ok: true, id: found.id }
      : {
          ok: false,
          status: 404,
          message: `jurisdiction_id: '${wanted}' is not served here; leave it out or use one this endpoint serves.`,
        };
  }
  const all = await db.jurisdiction.findMany({ select: { id: true }, take: 2, orderBy: { id: 'asc' } });
  if (all.length === 1) return { ok: true, id: all[0]!.id };
  if (all.length === 0)
    return { ok: false, status: 404, message: 'No jurisdiction is set up on this endpoint yet.' };
  return {
    ok: false,
    status: 400,
    message:
      'jurisdiction_id: this endpoint serves several jurisdictions; add jurisdiction_id to say which one.',
  };
}
