/**
 * Open311 `api_key`, required on POST only. Keys are stored as sha256 hashes; a revoked key is
 * refused like a wrong one.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { PrismaClient } from '../db/generated/client.js';

export const hashApiKey = (key: string) => createHash('sha256').update(key).digest('hex');

/** Creates a key for an integrator; the plain key is returned once and never stored. */
export async function createApiKey(db: PrismaClient, jurisdictionId: string, name: string, key?: string) {
  const plain = key ?? `cd_${randomBytes(24).toString('base64url')}`;
  await db.apiKey.create({
    data: { jurisdictionId, name, keyHash: hashApiKey(plain), prefix: plain.slice(0, 8) },
  });
  return plain;
}

/** A key's last use is recorded to the minute: every POST of a busy app rewriting one row would queue them all on its lock. */
const LAST_USE_RESOLUTION_MS = 60_000;

/** Returns the key's id when it is valid for the jurisdiction, else null; records its last use (to the minute). */
export async function checkApiKey(
  db: PrismaClient,
  jurisdictionId: string,
  key: string | undefined,
  now: Date,
) {
  if (!key) return null;
  const found = await db.apiKey.findUnique({ where: { keyHash: hashApiKey(key) } });
  if (!found || found.revokedAt || found.jurisdictionId !== jurisdictionId) return null;
  if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() >= LAST_USE_RESOLUTION_MS) {
    await db.apiKey.updateMany({
      where: {
        id: found.id,
        OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USE_RESOLUTION_MS) } }],
      },
      data: { lastUsedAt: now },
    });
  }
  return found.id;
}

/** Revokes a key at once (every API process refuses it on the next request); true when it existed. */
export async function revokeApiKey(db: PrismaClient, key: string, now: Date): Promise<boolean> {
  const { count } = await db.apiKey.updateMany({
    where: { keyHash: hashApiKey(key), revokedAt: null },
    data: { revokedAt: now },
  });
  return count > 0;
}
