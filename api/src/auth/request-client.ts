/**
 * Who is on the other end of an HTTP request, as far as sessions care: the client IP (for the login
 * rate limit and the session record), its user agent, and whether the site is reached over https
 * (for the cookie's Secure flag). Proxy headers count only when TRUST_PROXY says so.
 */
import type { Config } from '../config.js';

export interface RequestClient {
  ip: string | null;
  userAgent: string | null;
  https: boolean;
}

type ProxySettings = Partial<Pick<Config, 'TRUST_PROXY' | 'SESSION_COOKIE_SECURE' | 'publicUrl'>>;

/** Reads the client facts from a request; `socketIp` is the TCP peer address. */
export function requestClient(
  config: ProxySettings,
  request: { url: string; headers: Headers },
  socketIp: string | null,
): RequestClient {
  const forwardedFor = config.TRUST_PROXY ? request.headers.get('x-forwarded-for') : null;
  const forwardedProto = config.TRUST_PROXY ? request.headers.get('x-forwarded-proto') : null;
  const ip = forwardedFor?.split(',')[0]?.trim() || socketIp;
  const protocol = forwardedProto?.split(',')[0]?.trim() ?? safeProtocol(request.url);
  return {
    ip: ip ? ip.replace(/^::ffff:/, '') : null,
    userAgent: request.headers.get('user-agent')?.slice(0, 500) ?? null,
    https: protocol === 'https' || protocol === 'https:',
  };
}

/** Whether session cookies get the Secure flag for this client. */
export function secureCookies(config: ProxySettings, client: Pick<RequestClient, 'https'>): boolean {
  const mode = config.SESSION_COOKIE_SECURE ?? 'auto';
  if (mode !== 'auto') return mode === 'always';
  return client.https || (config.publicUrl?.startsWith('https:') ?? false);
}

function safeProtocol(url: string): string | null {
  try {
    return new URL(url).protocol;
  } catch {
    return null;
  }
}
