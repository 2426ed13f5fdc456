/**
 * Open311 api_keys for integrators. A new key is shown once; only its sha256 (the same hash
 * Open311 checks, api/src/open311/api-keys.ts) and its first characters are kept.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { StaffIdentity } from '../app-context.js';
import type { PrismaClient } from '../db/generated/client.js';
import { hashApiKey } from '../open311/api-keys.js';
import { FieldErrorsError } from '../trpc/trpc.js';
import { recordAudit } from './audit.js';

export const createApiKeyInput = z.object({
  name: z.string().trim().min(1, 'Name the key after the app or system that will use it, e.g. FixMyStreet'),
});
export const revokeApiKeyInput = z.object({ id: z.uuid('id is the key id apiKeys.list answered') });

/** Keys by name and prefix, newest first; never the key itself. */
export async function listApiKeys(db: PrismaClient, jurisdictionId: string) {
  const rows = await db.apiKey.findMany({ where: { jurisdictionId }, orderBy: { createdAt: 'desc' } });
  return rows.map((k) => ({
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    createdAt: k.createdAt.toISOString(),
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
    revokedAt: k.revokedAt?.toISOString() ?? null,
  }));
}

/** Creates a key and answers it in full, this once. */
export async function createAdminApiKey(
  db: PrismaClient,
  staff: StaffIdentity,
  input: z.output<typeof createApiKeyInput>,
) {
  const key = `cd_${randomBytes(24).toString('base64url')}`;
  return db.$transaction(async (tx) => {
    const row = await tx.apiKey.create({
      data: {
        jurisdictionId: staff.jurisdictionId,
        name: input.name,
        keyHash: hashApiKey(key),
        prefix: key.slice(0, 8),
      },
    });
    await recordAudit(tx, staff, {
      action: 'api_key.create',
      subjectType: 'api_key',
      subjectId: row.id,
      data: { name: row.name, prefix: row.prefix },
    });
    return { id: row.id, name: row.name, prefix: row.prefix, key };
  });
}

/** Revokes a key at once: Open311 refuses it on the next POST. */
export async function revokeAdminApiKey(db: PrismaClient, staff: StaffIdentity, id: string, now: Date) {
  return db.$transaction(async (tx) => {
    const key = await tx.apiKey.findFirst({ where: { id, jurisdictionId: staff.jurisdictionId } });
    if (!key)
      throw new FieldErrorsError(
        [{ field: 'id', message: 'There is no such key; reload the list.' }],
        'NOT_FOUND',
      );
    if (key.revokedAt)
      throw new FieldErrorsError(
        [{ field: 'id', message: `Key ${key.prefix}… was already revoked.` }],
        'CONFLICT',
      );
    await tx.apiKey.update({ where: { id }, data: { revokedAt: now } });
    await recordAudit(tx, staff, {
      action: 'api_key.revoke',
      subjectType: 'api_key',
      subjectId: id,
      data: { name: key.name, prefix: key.prefix },
    });
    return { id, revokedAt: now.toISOString() };
  });
}
