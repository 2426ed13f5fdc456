/**
 * A browser reduced to what the OIDC flow needs, over plain HTTP: a cookie jar per origin, redirects
 * followed one by one (so each hop's cookies are kept), and the provider's HTML forms posted back.
 */

export class CookieJar {
  private readonly byOrigin = new Map<string, Map<string, string>>();

  /** The Cookie header for a URL's origin. */
  header(url: URL): string {
    const jar = this.byOrigin.get(url.origin);
    return jar ? [...jar].map(([name, value]) => `${name}=${value}`).join('; ') : '';
  }

  /** Keeps (or, for Max-Age=0 / an empty value, drops) each cookie a response sets. */
  store(url: URL, response: Response) {
    const jar = this.byOrigin.get(url.origin) ?? new Map<string, string>();
    this.byOrigin.set(url.origin, jar);
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const gone = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
      if (gone) jar.delete(name);
      else jar.set(name, value);
    }
  }

  /** Names of the cookies held for an origin. */
  names(origin: string): string[] {
    return [...(this.byOrigin.get(origin)?.keys() ?? [])];
  }
}

export interface Hop {
  url: URL;
  response: Response;
}

/** Sends one request with the jar's cookies, without following redirects. */
export async function hop(jar: CookieJar, url: URL, init: RequestInit = {}): Promise<Hop> {
  const headers = new Headers(init.headers);
  const cookie = jar.header(url);
  if (cookie) headers.set('cookie', cookie);
  const response = await fetch(url, { ...init, headers, redirect: 'manual' });
  jar.store(url, response);
  return { url, response };
}

/** The redirect target of a 3xx response, or null. */
export function locationOf({ url, response }: Hop): URL | null {
  const location = response.headers.get('location');
  return response.status >= 300 && response.status < 400 && location ? new URL(location, url) : null;
}

/** The one form on a provider page: where it posts and its hidden fields. */
export function formOf(html: string, pageUrl: URL): { action: URL; hidden: Record<string, string> } {
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error(`No form on ${pageUrl.href}:\n${html.slice(0, 500)}`);
  const hidden: Record<string, string> = {};
  for (const input of html.matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
    const name = /name="([^"]+)"/.exec(input[0])?.[1];
    const value = /value="([^"]*)"/.exec(input[0])?.[1];
    if (name) hidden[name] = value ?? '';
  }
  return { action: new URL(action.replace(/&amp;/g, '&'), pageUrl), hidden };
}
