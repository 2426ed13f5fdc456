/**
 * OIDC sign-in for staff against a real OpenID Provider standing in for the city's: the whole
 * redirect flow over HTTP (start → provider login and consent pages → callback), then `auth.me`
 * with the cookies the callback set. Refusals land on the sign-in page with a code the apps word.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIdentityProvider, type TestIdentityProvider } from './oidc-identity-provider.js';
import { startOidcTestApi, type OidcTestApi } from './oidc-api.js';
import { CookieJar, formOf, hop, locationOf, type Hop } from './oidc-http-browser.js';

const accounts = {
  sam: { email: 'Sam@Springfield.gov', email_verified: true, name: 'Sam at the IdP' },
  stranger: { email: 'stranger@springfield.gov', email_verified: true, name: 'Not on staff' },
  'pat-unverified': { email: 'pat@springfield.gov', email_verified: false, name: 'Pat, unverified' },
  casey: { email: 'casey@contractors.springfield.gov', email_verified: true, name: 'Casey Contractor' },
};

let idp: TestIdentityProvider;
let api: OidcTestApi;
/** A second API that has never fetched the provider's keys, for the forged-signature case. */
let freshApi: OidcTestApi;

const oidcEnv = (callbackUrl: string) => ({
  OIDC_ISSUER: idp.issuer,
  OIDC_CLIENT_ID: idp.clientId,
  OIDC_CLIENT_SECRET: idp.clientSecret,
  OIDC_REDIRECT_URL: callbackUrl,
  OIDC_SCOPES: 'openid email profile',
  OIDC_BUTTON_LABEL: 'Springfield ID',
  OIDC_AUTO_PROVISION_DOMAINS: 'contractors.springfield.gov',
});

beforeAll(async () => {
  idp = await startIdentityProvider(accounts);
  api = await startOidcTestApi('oidc', ({ callbackUrl }) => oidcEnv(callbackUrl));
  freshApi = await startOidcTestApi('oidc_jwks', ({ callbackUrl }) => oidcEnv(callbackUrl));
  idp.trustRedirectUris([api.callbackUrl, freshApi.callbackUrl]);
}, 60_000);

afterAll(async () => {
  await api?.stop();
  await freshApi?.stop();
  await idp?.stop();
});

interface SignInResult {
  jar: CookieJar;
  /** The callback's response (its cookies are in the jar). */
  callback: Hop;
  /** Where the callback sent the browser. */
  landing: URL;
}

/** Clicks "Sign in with …", signs in at the provider as `login` and consents; stops at the callback's redirect. */
async function signIn(
  target: OidcTestApi,
  login: string,
  options: { returnTo?: string; tamper?: (authorizationUrl: URL) => URL; cancelAtProvider?: boolean } = {},
): Promise<SignInResult> {
  const jar = new CookieJar();
  const start = await hop(
    jar,
    new URL(`/auth/oidc/start?return_to=${encodeURIComponent(options.returnTo ?? '/staff')}`, target.baseUrl),
  );
  let next = locationOf(start);
  expect(next?.origin, 'start sends the browser to the provider').toBe(idp.issuer);
  if (options.tamper) next = options.tamper(next!);
  for (let step = 0; step < 20 && next; step++) {
    const current = await hop(jar, next);
    const redirect = locationOf(current);
    if (current.url.href.startsWith(target.callbackUrl))
      return { jar, callback: current, landing: redirect! };
    if (redirect) {
      next = redirect;
      continue;
    }
    const html = await current.response.text();
    expect(current.response.status, html.slice(0, 300)).toBe(200);
    const cancel = /href="([^"]*\/abort)"/.exec(html)?.[1];
    if (options.cancelAtProvider && cancel) {
      next = new URL(cancel, current.url);
      continue;
    }
    const form = formOf(html, current.url);
    const body = new URLSearchParams(form.hidden);
    if (form.hidden.prompt === 'login') {
      body.set('login', login);
      body.set('password', 'typed-at-the-provider');
    }
    const posted = await hop(jar, form.action, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    });
    next = locationOf(posted);
  }
  throw new Error(`The flow for ${login} never reached ${target.callbackUrl}`);
}

/** `auth.me` over HTTP with the browser's cookies, as the apps call it. */
async function me(target: OidcTestApi, jar: CookieJar) {
  const url = new URL('/trpc/auth.me', target.baseUrl);
  const response = await fetch(url, { headers: { cookie: jar.header(url) } });
  const body = (await response.json()) as {
    result?: { data: { name: string; isAdmin: boolean; departments: { code: string }[] } };
    error?: { message: string };
  };
  return { status: response.status, body };
}

/** The newest audit row about a sign-in, as an administrator reads it. */
async function lastSignInAudit(target: OidcTestApi) {
  const row = await target.db.prisma.auditLog.findFirst({
    where: { action: { in: ['staff.login', 'staff.login_failed'] } },
    orderBy: { id: 'desc' },
  });
  return row && { action: row.action, actorId: row.actorId, data: row.data as Record<string, unknown> };
}

describe('OIDC sign-in with the city identity provider', () => {
  it('signs a Springfield clerk in: HttpOnly session cookie, auth.me works, audited, flow cookie gone', async () => {
    const { jar, callback, landing } = await signIn(api, 'sam', { returnTo: '/designer/?from=oidc' });
    expect(landing.href).toBe(`${api.baseUrl}/designer/?from=oidc`);
    const setCookies = callback.response.headers.getSetCookie();
    const sessionCookie = setCookies.find((c) => c.startsWith('civicdesk_session='));
    expect(sessionCookie).toMatch(/;\s*HttpOnly/i);
    expect(sessionCookie).toMatch(/;\s*SameSite=Lax/i);
    // The CSRF token travels in a cookie the apps can read, to echo on mutations.
    expect(setCookies.some((c) => c.startsWith('civicdesk_csrf='))).toBe(true);
    expect(jar.names(api.baseUrl)).not.toContain('civicdesk_oidc');

    const who = await me(api, jar);
    expect(who.status).toBe(200);
    expect(who.body.result?.data.name).toBe('Sam Streets');
    expect(who.body.result?.data.departments.map((d) => d.code)).toEqual(['streets']);

    const sam = await api.db.prisma.staffMember.findFirstOrThrow({ where: { email: 'sam@springfield.gov' } });
    expect(await lastSignInAudit(api)).toEqual({
      action: 'staff.login',
      actorId: sam.id,
      data: { method: 'oidc', subject: 'sam', provisioned: false },
    });

    // The same answer delivered again (a replay, or another tab) has no flow cookie left to match.
    const replay = await hop(jar, callback.url);
    expect(locationOf(replay)?.searchParams.get('signin_error')).toBe('state_mismatch');
  });

  it('refuses an email no staff member uses, with a message code, and audits it', async () => {
    const { jar, landing } = await signIn(api, 'stranger');
    expect(landing.pathname).toBe('/staff');
    expect(landing.searchParams.get('signin_error')).toBe('unknown_staff');
    expect((await me(api, jar)).status).toBe(401);
    const audit = await lastSignInAudit(api);
    expect(audit?.action).toBe('staff.login_failed');
    expect(audit?.data).toMatchObject({
      method: 'oidc',
      reason: 'unknown_staff',
      email: 'stranger@springfield.gov',
    });
    expect(String(audit?.data.message)).toContain('Ask your CivicDesk administrator');
    expect(await api.db.prisma.staffMember.count({ where: { email: 'stranger@springfield.gov' } })).toBe(0);
  });

  it("refuses an unverified email even when it is a staff member's address", async () => {
    const { jar, landing } = await signIn(api, 'pat-unverified');
    expect(landing.searchParams.get('signin_error')).toBe('email_unverified');
    expect((await me(api, jar)).status).toBe(401);
    expect((await lastSignInAudit(api))?.data).toMatchObject({ reason: 'email_unverified' });
  });

  it('refuses an answer whose state is not the one this browser started with', async () => {
    const { jar, landing } = await signIn(api, 'sam', {
      tamper: (url) => {
        url.searchParams.set('state', 'a-state-someone-else-started');
        return url;
      },
    });
    expect(landing.searchParams.get('signin_error')).toBe('state_mismatch');
    expect((await me(api, jar)).status).toBe(401);
    expect((await lastSignInAudit(api))?.data).toMatchObject({ reason: 'state_mismatch' });
  });

  it('refuses an ID token carrying another nonce', async () => {
    const { jar, landing } = await signIn(api, 'sam', {
      tamper: (url) => {
        url.searchParams.set('nonce', 'a-nonce-from-another-attempt');
        return url;
      },
    });
    expect(landing.searchParams.get('signin_error')).toBe('invalid_response');
    expect((await me(api, jar)).status).toBe(401);
    expect(String((await lastSignInAudit(api))?.data.cause)).toContain('nonce');
  });

  it('comes back with provider_refused when the person cancels at the provider', async () => {
    const { jar, landing } = await signIn(api, 'sam', { cancelAtProvider: true });
    expect(landing.searchParams.get('signin_error')).toBe('provider_refused');
    expect((await me(api, jar)).status).toBe(401);
    expect((await lastSignInAudit(api))?.data).toMatchObject({
      reason: 'provider_refused',
      error: 'access_denied',
    });
  });

  it('keeps return_to on this origin', async () => {
    for (const outside of ['//evil.example/steal', 'https://evil.example/', '/\\evil.example']) {
      const { landing } = await signIn(api, 'sam', { returnTo: outside });
      expect(landing.href).toBe(`${api.baseUrl}/staff`);
    }
  });

  it('provisions a verified user of an OIDC_AUTO_PROVISION_DOMAINS domain without departments or admin', async () => {
    const { jar, landing } = await signIn(api, 'casey');
    expect(landing.searchParams.get('signin_error')).toBeNull();
    const who = await me(api, jar);
    expect(who.body.result?.data).toMatchObject({
      name: 'Casey Contractor',
      isAdmin: false,
      departments: [],
    });
    expect((await lastSignInAudit(api))?.data).toMatchObject({ provisioned: true });
  });

  it('/auth/config tells the apps OIDC is on and the button label', async () => {
    const response = await fetch(`${api.baseUrl}/auth/config`);
    expect(await response.json()).toEqual({
      oidc: { enabled: true, button_label: 'Springfield ID', start_url: '/auth/oidc/start' },
    });
  });

  it("refuses an ID token that the provider's published keys do not verify", async () => {
    idp.serveForeignJwks(true);
    try {
      const { jar, landing } = await signIn(freshApi, 'sam');
      expect(landing.searchParams.get('signin_error')).toBe('invalid_response');
      expect((await me(freshApi, jar)).status).toBe(401);
    } finally {
      idp.serveForeignJwks(false);
    }
  });
});

describe('OIDC sign-in when the provider is down or OIDC is off', () => {
  it('sends the browser back with provider_unavailable when the provider cannot be reached, and audits it', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const down = await startOidcTestApi('oidc_down', ({ callbackUrl }) => ({
      OIDC_ISSUER: `http://127.0.0.1:${closedPort}`,
      OIDC_CLIENT_ID: 'civicdesk-staff',
      OIDC_REDIRECT_URL: callbackUrl,
    }));
    try {
      const start = await hop(
        new CookieJar(),
        new URL('/auth/oidc/start?return_to=/designer/', down.baseUrl),
      );
      expect(locationOf(start)?.href).toBe(`${down.baseUrl}/designer/?signin_error=provider_unavailable`);
      expect((await lastSignInAudit(down))?.data).toMatchObject({
        method: 'oidc',
        reason: 'provider_unavailable',
      });
    } finally {
      await down.stop();
    }
  });

  it('with OIDC_ISSUER unset, /auth/config says off and /auth/oidc/start is 404', async () => {
    const off = await startOidcTestApi('oidc_off', () => ({ OIDC_ISSUER: '' }));
    try {
      expect(await (await fetch(`${off.baseUrl}/auth/config`)).json()).toEqual({ oidc: { enabled: false } });
      expect((await fetch(`${off.baseUrl}/auth/oidc/start`, { redirect: 'manual' })).status).toBe(404);
      expect(
        (await fetch(`${off.baseUrl}/auth/oidc/callback?code=x&state=y`, { redirect: 'manual' })).status,
      ).toBe(404);
    } finally {
      await off.stop();
    }
  });

  it('the portal words every refusal code in English and Spanish', () => {
    const codes = [
      'unknown_staff',
      'email_unverified',
      'no_email',
      'state_mismatch',
      'provider_unavailable',
      'provider_refused',
      'invalid_response',
    ];
    for (const language of ['en', 'es']) {
      const messages = JSON.parse(
        readFileSync(new URL(`../../portal/src/i18n/${language}.json`, import.meta.url), 'utf8'),
      ) as Record<string, string>;
      for (const code of codes)
        expect(messages[`staff.signin.oidcError.${code}`], `${language}: ${code}`).toBeTruthy();
    }
  });
});
