/**
 * The short-lived, signed cookie that carries one sign-in attempt from `/auth/oidc/start` to the
 * callback: state, nonce, PKCE verifier and where to go afterwards. HMAC-signed with SESSION_SECRET
 * so a browser cannot swap in its own values; it expires after ten minutes.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const flowCookieName = 'civicdesk_oidc';
/** Long enough to type a password and pass a second factor; short enough to be useless if stolen. */
export const flowTtlMs = 10 * 60_000;

export interface OidcFlow {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** Same-origin path to land on after signing in. */
  returnTo: string;
  /** The jurisdiction the staff member signs in to, when the endpoint serves several. */
  jurisdictionId?: string;
  /** Expiry, milliseconds since the epoch. */
  exp: number;
}

const sign = (data: string, secret: string) =>
  createHmac('sha256', `oidc-flow:${secret}`).update(data).digest('base64url');

/** Seals a flow into a cookie value. */
export function sealFlow(flow: OidcFlow, secret: string): string {
  const payload = Buffer.from(JSON.stringify(flow)).toString('base64url');
  return `${payload}.${sign(payload, secret)}`;
}

/** Opens a cookie value: the flow when the signature holds and it has not expired, else null. */
export function openFlow(value: string | undefined, secret: string, now: number): OidcFlow | null {
  if (!value) return null;
  const [payload, signature] = value.split('.');
  if (!payload || !signature) return null;
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const flow = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as OidcFlow;
    const complete = [flow.state, flow.nonce, flow.codeVerifier, flow.returnTo].every(
      (v) => typeof v === 'string',
    );
    return complete && typeof flow.exp === 'number' && flow.exp > now ? flow : null;
  } catch {
    return null;
  }
}

/** The Set-Cookie header for a flow (HttpOnly, SameSite=Lax so the provider's redirect back carries it). */
export function flowCookieHeader(value: string, options: { secure: boolean; path: string }): string {
  return cookie(value, Math.floor(flowTtlMs / 1000), options);
}

/** The Set-Cookie header that removes the flow cookie once the callback has used it. */
export function clearFlowCookieHeader(options: { secure: boolean; path: string }): string {
  return cookie('', 0, options);
}

function cookie(value: string, maxAge: number, { secure, path }: { secure: boolean; path: string }) {
  return [
    `${flowCookieName}=${value}`,
    `Path=${path}`,
    `Max-Age=${maxAge}`,
    'HttpOnly',
    'SameSite=Lax',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}
