/**
 * The login rate limit: failed sign-ins are rows in `login_failures`, so every API process sees the
 * same count. Too many failures for one email from one IP (5 in 15 minutes by default), or from one
 * IP for any email (50), refuse further attempts — right password or not — until the window moves on.
 */
import type { AppContext } from '../app-context.js';

type Db = AppContext['db'];

export interface LoginLimits {
  perEmailAndIp: number;
  perIp: number;
  windowMs: number;
}

/** The limits from configuration (defaults when a test builds a partial config). */
export function loginLimits(config: AppContext['config']): LoginLimits {
  return {
    perEmailAndIp: config.LOGIN_MAX_FAILURES_PER_EMAIL_IP ?? 5,
    perIp: config.LOGIN_MAX_FAILURES_PER_IP ?? 50,
    windowMs: (config.LOGIN_FAILURE_WINDOW_MINUTES ?? 15) * 60_000,
  };
}

export type LoginGate = { allowed: true } | { allowed: false; retryAt: Date; reason: 'email_ip' | 'ip' };

/** When the `max`-th newest failure leaves the window, or null when fewer than `max` are in it. */
async function freeAt(
  db: Db,
  where: { email?: string; ip: string },
  max: number,
  since: Date,
  windowMs: number,
) {
  const rows = await db.loginFailure.findMany({
    where: { ...where, at: { gt: since } },
    orderBy: { at: 'desc' },
    take: max,
    select: { at: true },
  });
  const oldest = rows[max - 1];
  return rows.length >= max && oldest ? new Date(oldest.at.getTime() + windowMs) : null;
}

/** Whether `email` may try to sign in from `ip` now. */
export async function loginGate(
  db: Db,
  limits: LoginLimits,
  email: string,
  ip: string,
  now: Date,
): Promise<LoginGate> {
  const since = new Date(now.getTime() - limits.windowMs);
  const byEmail = await freeAt(db, { email, ip }, limits.perEmailAndIp, since, limits.windowMs);
  if (byEmail) return { allowed: false, retryAt: byEmail, reason: 'email_ip' };
  const byIp = await freeAt(db, { ip }, limits.perIp, since, limits.windowMs);
  if (byIp) return { allowed: false, retryAt: byIp, reason: 'ip' };
  return { allowed: true };
}

/** Records a failed sign-in, pruning failures older than a day now and then. */
export async function recordLoginFailure(db: Db, email: string, ip: string, now: Date): Promise<void> {
  await db.loginFailure.create({ data: { email, ip, at: now } });
  if (Math.random() < 0.05)
    await db.loginFailure.deleteMany({ where: { at: { lt: new Date(now.getTime() - 24 * 3600_000) } } });
}

/** A successful sign-in forgets that email's failures from that IP. */
export async function clearLoginFailures(db: Db, email: string, ip: string): Promise<void> {
  await db.loginFailure.deleteMany({ where: { email, ip } });
}

/** The refusal a person reads: when to try again, in minutes and as a UTC time. */
export function tooManyAttemptsMessage(gate: Extract<LoginGate, { allowed: false }>, now: Date): string {
  const minutes = Math.max(1, Math.ceil((gate.retryAt.getTime() - now.getTime()) / 60_000));
  const at = gate.retryAt.toISOString().slice(11, 16);
  const who = gate.reason === 'email_ip' ? 'for this email from your network' : 'from your network';
  return `Too many failed sign-ins ${who}. Try again in ${minutes} minute${minutes === 1 ? '' : 's'} (after ${at} UTC), or ask your city admin to reset your password.`;
}
