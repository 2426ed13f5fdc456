/**
 * Staff sessions over HTTP, as a browser and an API client use them: the cookies' flags, the
 * server-side session row (hashed id, IP, user agent), CSRF on cookie-authenticated mutations,
 * Bearer clients unaffected, sign-out revoking the session, idle and absolute expiry, and
 * deactivated accounts losing their sessions.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appRouter,
  createCallerFactory,
  createTestDatabase,
  createTrpcContext,
  importCityPack,
  readCityPack,
  type AppContext,
  type TestDatabase,
} from '@civicdesk/api';
import { startApiInProcess, type ApiInProcess } from '../support/api-in-process.js';
import { springfieldFolder } from '../support/platform.js';
import { browserSignIn, trpcCode, trpcGet, trpcPost } from './http-session.js';

let db: TestDatabase;
let api: ApiInProcess;
const createCaller = createCallerFactory(appRouter);

beforeAll(async () => {
  db = await createTestDatabase('auth-sessions');
  await importCityPack(db.prisma, readCityPack(springfieldFolder));
  api = await startApiInProcess(db.url, 'auth-sessions-unused', db.prisma, { TRUST_PROXY: 'true' });
});
afterAll(async () => {
  await api?.stop();
  await db?.drop();
});

const later = (app: AppContext, minutes: number): AppContext => ({
  ...app,
  now: () => new Date(Date.now() + minutes * 60_000),
});

describe('signing in from a browser', () => {
  it('sets an HttpOnly, SameSite=Lax, Path=/ session cookie and a readable CSRF cookie; no Secure on http', async () => {
    const signed = await browserSignIn(api.baseUrl, 'sam@springfield.gov', 'springfield-demo', {
      'user-agent': 'Firefox/140 test',
      'x-forwarded-for': '198.51.100.23',
    });
    const [session, csrf] = [
      signed.setCookies.find((c) => c.startsWith('civicdesk_session='))!,
      signed.setCookies.find((c) => c.startsWith('civicdesk_csrf='))!,
    ];
    expect(session).toMatch(/; Path=\/(;|$)/);
    expect(session).toMatch(/; HttpOnly(;|$)/);
    expect(session).toMatch(/; SameSite=Lax(;|$)/);
    expect(session).not.toMatch(/Secure/);
    expect(session).toMatch(/; Max-Age=43200(;|$)/);
    expect(csrf).not.toMatch(/HttpOnly/);
    expect(csrf.split(';')[0]).toBe(`civicdesk_csrf=${encodeURIComponent(signed.csrfToken)}`);
    expect(signed.cookie).toBe(`civicdesk_session=${encodeURIComponent(signed.token)}`);

    // The table keeps only the SHA-256 of the session id, with who, from where, and when it ends.
    const rows = await db.prisma.staffSession.findMany({ where: { ip: '198.51.100.23' } });
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row.idHash).toBe(createHash('sha256').update(signed.token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(signed.token);
    expect(row.userAgent).toBe('Firefox/140 test');
    expect(row.idleTimeoutSeconds).toBe(7200);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(12 * 3600_000);
    expect(row.revokedAt).toBeNull();
  });

  it('marks both cookies Secure when the site is reached over https', async () => {
    const signed = await browserSignIn(api.baseUrl, 'sam@springfield.gov', 'springfield-demo', {
      'x-forwarded-proto': 'https',
    });
    for (const cookie of signed.setCookies) expect(cookie).toMatch(/; Secure(;|$)/);
  });

  it('answers who is signed in, with the CSRF token, to a cookie-only query', async () => {
    const signed = await browserSignIn(api.baseUrl, 'hana@springfield.gov', 'springfield-demo');
    const response = await trpcGet(api.baseUrl, 'auth.me', undefined, { cookie: signed.cookie });
    const me = ((await response.json()) as { result: { data: Record<string, unknown> } }).result.data;
    expect(me).toMatchObject({ name: expect.any(String), csrfToken: signed.csrfToken, headOf: ['streets'] });
  });
});

describe('CSRF on cookie-authenticated changes', () => {
  // requests.reopen of a request that does not exist: NOT_FOUND once past the CSRF check.
  const reopen = { service_request_id: '999999', reason: 'The hole is back' };

  it('refuses a mutation sent with the cookie but without the x-csrf-token header', async () => {
    const signed = await browserSignIn(api.baseUrl, 'sam@springfield.gov', 'springfield-demo');
    const response = await trpcPost(api.baseUrl, 'requests.reopen', reopen, { cookie: signed.cookie });
    expect(response.status).toBe(403);
    const body = (await response.json()) as { error: { message: string; data: { code: string } } };
    expect(body.error.data.code).toBe('FORBIDDEN');
    expect(body.error.message).toMatch(/^x-csrf-token: .*reload the page/);
  });

  it('refuses a wrong token, and another session’s token', async () => {
    const sam = await browserSignIn(api.baseUrl, 'sam@springfield.gov', 'springfield-demo');
    const hana = await browserSignIn(api.baseUrl, 'hana@springfield.gov', 'springfield-demo');
    for (const csrf of ['forged', hana.csrfToken]) {
      const response = await trpcPost(api.baseUrl, 'requests.reopen', reopen, {
        cookie: sam.cookie,
        'x-csrf-token': csrf,
      });
      expect(await trpcCode(response)).toBe('FORBIDDEN');
    }
  });

  it('accepts the session’s own token', async () => {
    const sam = await browserSignIn(api.baseUrl, 'sam@springfield.gov', 'springfield-demo');
    const response = await trpcPost(api.baseUrl, 'requests.reopen', reopen, {
      cookie: sam.cookie,
      'x-csrf-token': sam.csrfToken,
    });
    expect(await trpcCode(response)).toBe('NOT_FOUND');
  });

  it('guards public mutations too when a session cookie rides along', async () => {
    const sam = await browserSignIn(api.baseUrl, 'sam@springfield.gov', 'springfield-demo');
    const follow = { service_request_id: '999999', email: 'lisa@example.org' };
    const without = await trpcPost(api.baseUrl, 'duplicates.follow', follow, { cookie: sam.cookie });
    expect(await trpcCode(without)).toBe('FORBIDDEN');
    const anonymous = await trpcPost(api.baseUrl, 'duplicates.follow', follow);
    expect(await trpcCode(anonymous)).toBe('NOT_FOUND');
  });

  it('never runs a change sent the ways a cross-site form can (no preflight)', async () => {
    const sam = await browserSignIn(api.baseUrl, 'sam@springfield.gov', 'springfield-demo');
    const send = (body: string | FormData, contentType?: string) =>
      fetch(`${api.baseUrl}/trpc/requests.reopen`, {
        method: 'POST',
        headers: { cookie: sam.cookie, ...(contentType ? { 'content-type': contentType } : {}) },
        body,
      });
    // tRPC refuses these bodies outright; the CSRF guard would refuse them next.
    for (const type of ['text/plain', 'application/x-www-form-urlencoded'])
      expect(['UNSUPPORTED_MEDIA_TYPE', 'FORBIDDEN']).toContain(
        await trpcCode(await send(JSON.stringify(reopen), type)),
      );
    // A multipart form reaches the procedure chain: the CSRF guard stops it before the input is read.
    const form = new FormData();
    form.set('service_request_id', reopen.service_request_id);
    form.set('reason', reopen.reason);
    expect(await trpcCode(await send(form))).toBe('FORBIDDEN');
  });

  it('does not ask Bearer clients (not exposed to CSRF) for the header', async () => {
    const sam = await browserSignIn(api.baseUrl, 'sam@springfield.gov', 'springfield-demo');
    const response = await trpcPost(api.baseUrl, 'requests.reopen', reopen, {
      authorization: `Bearer ${sam.token}`,
    });
    expect(await trpcCode(response)).toBe('NOT_FOUND');
  });
});

describe('signing out and session lifetimes', () => {
  it('revokes the session on sign-out: the cookie and the Bearer token stop working, the cookies are cleared', async () => {
    const sam = await browserSignIn(api.baseUrl, 'sam@springfield.gov', 'springfield-demo');
    const out = await trpcPost(
      api.baseUrl,
      'auth.logout',
      {},
      { cookie: sam.cookie, 'x-csrf-token': sam.csrfToken },
    );
    expect(out.status).toBe(200);
    const cleared = out.headers.getSetCookie();
    expect(cleared).toHaveLength(2);
    for (const cookie of cleared) expect(cookie).toMatch(/=; Path=\/; Max-Age=0;/);
    expect(await trpcCode(await trpcGet(api.baseUrl, 'auth.me', undefined, { cookie: sam.cookie }))).toBe(
      'UNAUTHORIZED',
    );
    const bearer = await trpcGet(api.baseUrl, 'auth.me', undefined, { authorization: `Bearer ${sam.token}` });
    expect(await trpcCode(bearer)).toBe('UNAUTHORIZED');
    const row = await db.prisma.staffSession.findUniqueOrThrow({
      where: { idHash: createHash('sha256').update(sam.token).digest('hex') },
    });
    expect(row.revokedAt).not.toBeNull();
    const audit = await db.prisma.auditLog.findFirst({
      where: { action: 'staff.logout', actorId: row.staffId },
    });
    expect(audit).not.toBeNull();
  });

  it('ends a session idle for longer than its timeout, and any session after its absolute expiry', async () => {
    const anonymous = createCaller(await createTrpcContext(api.app, new Headers()));
    const { token } = await anonymous.auth.login({
      email: 'pat@springfield.gov',
      password: 'springfield-demo',
    });
    const bearer = new Headers({ authorization: `Bearer ${token}` });
    const at = async (minutes: number) =>
      createCaller(await createTrpcContext(later(api.app, minutes), bearer));
    // Used every 110 minutes, it stays alive until the 12-hour expiry.
    for (const minutes of [110, 220, 330, 440, 550, 660])
      await expect((await at(minutes)).auth.me()).resolves.toMatchObject({ name: expect.any(String) });
    await expect((await at(770)).auth.me()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });

    const second = await anonymous.auth.login({ email: 'pat@springfield.gov', password: 'springfield-demo' });
    const idle = new Headers({ authorization: `Bearer ${second.token}` });
    const afterIdle = createCaller(await createTrpcContext(later(api.app, 121), idle));
    await expect(afterIdle.auth.me()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('drops the sessions of a deactivated account', async () => {
    const sol = await browserSignIn(api.baseUrl, 'sol@springfield.gov', 'springfield-demo');
    await db.prisma.staffMember.updateMany({
      where: { email: 'sol@springfield.gov' },
      data: { active: false },
    });
    const me = await trpcGet(api.baseUrl, 'auth.me', undefined, { cookie: sol.cookie });
    expect(await trpcCode(me)).toBe('UNAUTHORIZED');
    await db.prisma.staffMember.updateMany({
      where: { email: 'sol@springfield.gov' },
      data: { active: true },
    });
  });
});
