/**
 * Server-side staff sessions. A session id is 32 random bytes; the browser holds it in an HttpOnly
 * cookie, API clients send it as `Authorization: Bearer`. The database keeps only its SHA-256, with
 * the absolute expiry, idle timeout, IP, user agent and revocation. The CSRF token is an HMAC of
 * the session id under SESSION_SECRET: per session, never stored, checkable on every request.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AppContext } from '../app-context.js';
import { clearedSessionCookies, sessionCookies } from './session-cookies.js';

export type SessionApp = Pick<AppContext, 'db' | 'config' | 'now'>;

/** How the session was started and from where (all optional; recorded for the audit trail). */
export interface SessionClient {
  ip?: string | null;
  userAgent?: string | null;
  /** Set the cookies' Secure flag (see `secureCookies`). */
  secure?: boolean;
  /** 'password' (auth.login) or 'oidc' (single sign-on). */
  method?: 'password' | 'oidc';
}

export interface StartedSession {
  /** The session id: the cookie's value, and the `Authorization: Bearer` token for API clients. */
  token: string;
  /** Send back in `x-csrf-token` on every cookie-authenticated mutation. */
  csrfToken: string;
  expiresAt: Date;
  /** Set-Cookie header values (session cookie, HttpOnly; CSRF cookie, readable); append each. */
  setCookies: string[];
}

export interface ResumedSession {
  staffId: string;
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

const TOUCH_EVERY_MS = 60_000;
const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** The session's lifetimes from configuration (defaults when a test builds a partial config). */
function lifetimes(config: SessionApp['config']) {
  return {
    ttlMs: (config.SESSION_TTL_HOURS ?? 12) * 3600_000,
    idleMs: (config.SESSION_IDLE_MINUTES ?? 120) * 60_000,
  };
}

/** The CSRF token that belongs to a session id. */
export function csrfTokenFor(secret: string, token: string): string {
  return createHmac('sha256', secret).update(`csrf:${token}`).digest('base64url');
}

/** Whether `given` is the CSRF token of the session `token`, in constant time. */
export function isCsrfTokenOf(secret: string, token: string, given: string | null | undefined): boolean {
  if (!given) return false;
  const expected = Buffer.from(csrfTokenFor(secret, token));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/**
 * Starts a session for a staff member who has just proved who they are (password or OIDC), and
 * answers the token, CSRF token and the Set-Cookie values to send. The caller checks the account
 * is active; this only records the session.
 */
export async function startStaffSession(
  app: SessionApp,
  staffId: string,
  client: SessionClient = {},
): Promise<StartedSession> {
  const { ttlMs, idleMs } = lifetimes(app.config);
  const now = app.now();
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ttlMs);
  await app.db.staffSession.create({
    data: {
      idHash: hashOf(token),
      staffId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      idleTimeoutSeconds: Math.max(1, Math.round(idleMs / 1000)),
      ip: client.ip ?? null,
      userAgent: client.userAgent ?? null,
      method: client.method ?? 'password',
    },
  });
  // Now and then, forget sessions that ended over a week ago (the table stays small).
  if (Math.random() < 0.05)
    await app.db.staffSession.deleteMany({
      where: { expiresAt: { lt: new Date(now.getTime() - 7 * 86_400_000) } },
    });
  const csrfToken = csrfTokenFor(app.config.SESSION_SECRET, token);
  return {
    token,
    csrfToken,
    expiresAt,
    setCookies: sessionCookies(token, csrfToken, ttlMs / 1000, client.secure ?? false),
  };
}

/**
 * The live session behind a token: not revoked, not past its expiry, not idle longer than its
 * timeout. Marks it seen (at most once a minute, so reads stay cheap). Null otherwise.
 */
export async function resumeStaffSession(
  app: SessionApp,
  token: string | null,
): Promise<ResumedSession | null> {
  if (!token || token.length > 200) return null;
  const idHash = hashOf(token);
  const row = await app.db.staffSession.findUnique({ where: { idHash } });
  const now = app.now();
  if (!row || row.revokedAt || row.expiresAt <= now) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > row.idleTimeoutSeconds * 1000) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await app.db.staffSession.updateMany({ where: { idHash, revokedAt: null }, data: { lastSeenAt: now } });
  }
  return {
    staffId: row.staffId,
    token,
    csrfToken: csrfTokenFor(app.config.SESSION_SECRET, token),
    expiresAt: row.expiresAt,
  };
}

/** Revokes one session (sign-out); answers whether a live session was revoked. */
export async function revokeStaffSession(app: SessionApp, token: string): Promise<boolean> {
  const { count } = await app.db.staffSession.updateMany({
    where: { idHash: hashOf(token), revokedAt: null },
    data: { revokedAt: app.now() },
  });
  return count > 0;
}

/** Revokes every session of a staff member (deactivated account, password change). */
export async function revokeAllStaffSessions(app: SessionApp, staffId: string): Promise<number> {
  const { count } = await app.db.staffSession.updateMany({
    where: { staffId, revokedAt: null },
    data: { revokedAt: app.now() },
  });
  return count;
}

/** Set-Cookie values that end the session in the browser. */
export function endSessionCookies(secure: boolean): string[] {
  return clearedSessionCookies(secure);
}
