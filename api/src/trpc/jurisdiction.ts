/** tRPC's view of Open311 jurisdiction resolution: the same rules, thrown as tRPC errors. */
import { TRPCError } from '@trpc/server';
import type { PrismaClient } from '../db/generated/client.js';
import { resolveJurisdiction } from '../open311/jurisdiction.js';

/** The jurisdiction a public procedure addresses (optional when there is only one). */
export async function jurisdictionFor(db: PrismaClient, requested: string | undefined): Promise<string> {
  const found = await resolveJurisdiction(db, requested);
  if (!found.ok)
    throw new TRPCError({ code: found.status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST', message: found.message });
  return found.id;
}
