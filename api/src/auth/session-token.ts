/**
 * Staff session tokens: `base64url(payload).base64url(hmac)`, signed with SESSION_SECRET and
 * expiring. Stateless so every API process accepts them without a shared session store.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface SessionClaims {
  staffId: string;
  /** Expiry, milliseconds since the epoch. */
  exp: number;
}

const sign = (data: string, secret: string) => createHmac('sha256', secret).update(data).digest('base64url');

/** Issues a token for a staff member, valid for `ttlMs`. */
export function issueSessionToken(
  staffId: string,
  secret: string,
  now: number,
  ttlMs = 12 * 3600_000,
): string {
  const payload = Buffer.from(JSON.stringify({ staffId, exp: now + ttlMs } satisfies SessionClaims)).toString(
    'base64url',
  );
  return `${payload}.${sign(payload, secret)}`;
}

/** Returns the claims of a valid, unexpired token, or null. */
export function readSessionToken(token: string, secret: string, now: number): SessionClaims | null {
  const [payload, signature] = token.split('.');
  if (!payload || !signature) return null;
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as SessionClaims;
    return typeof claims.staffId === 'string' && typeof claims.exp === 'number' && claims.exp > now
      ? claims
      : null;
  } catch {
    return null;
  }
}
