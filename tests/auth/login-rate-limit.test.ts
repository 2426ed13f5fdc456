/**
 * The login rate limit on the real database, shared by two API processes: 5 failures for one email
 * from one IP lock that pair out (the right password included) with a message saying when to try
 * again; other IPs are unaffected; 50 failures from one IP lock the IP out for every email; the
 * window moving on lets them in again, and a success forgets the pair's failures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appRouter,
  createCallerFactory,
  createTestDatabase,
  createTrpcContext,
  importCityPack,
  readCityPack,
  type TestDatabase,
} from '@civicdesk/api';
import { startApiInProcess, type ApiInProcess } from '../support/api-in-process.js';
import { springfieldFolder } from '../support/platform.js';
import { trpcPost } from './http-session.js';

let db: TestDatabase;
let first: ApiInProcess;
let second: ApiInProcess;
const createCaller = createCallerFactory(appRouter);

beforeAll(async () => {
  db = await createTestDatabase('auth-rate-limit');
  await importCityPack(db.prisma, readCityPack(springfieldFolder));
  // Two API processes on one database, as behind a load balancer.
  first = await startApiInProcess(db.url, 'auth-rate-limit-unused', db.prisma, { TRUST_PROXY: 'true' });
  second = await startApiInProcess(db.url, 'auth-rate-limit-unused', db.prisma, { TRUST_PROXY: 'true' });
});
afterAll(async () => {
  await first?.stop();
  await second?.stop();
  await db?.drop();
});

/** Signs in over HTTP from `ip`; answers the status and the tRPC error (code, message) if any. */
async function login(baseUrl: string, email: string, password: string, ip: string) {
  const response = await trpcPost(baseUrl, 'auth.login', { email, password }, { 'x-forwarded-for': ip });
  const body = (await response.json()) as { error?: { message: string; data: { code: string } } };
  return { status: response.status, code: body.error?.data.code ?? 'OK', message: body.error?.message ?? '' };
}

describe('login rate limit', () => {
  it('locks one email from one IP out after 5 failures, across API processes, and says when to retry', async () => {
    const ip = '203.0.113.10';
    for (let i = 0; i < 5; i++) {
      const api = i % 2 === 0 ? first : second;
      expect((await login(api.baseUrl, 'sam@springfield.gov', 'wrong', ip)).code).toBe('UNAUTHORIZED');
    }
    const locked = await login(first.baseUrl, 'sam@springfield.gov', 'springfield-demo', ip);
    expect(locked).toMatchObject({ status: 429, code: 'TOO_MANY_REQUESTS' });
    expect(locked.message).toMatch(
      /^Too many failed sign-ins for this email from your network\. Try again in 1[45] minutes \(after \d\d:\d\d UTC\)/,
    );
    // The other process agrees, and the right password does not get past it.
    expect((await login(second.baseUrl, 'sam@springfield.gov', 'springfield-demo', ip)).code).toBe(
      'TOO_MANY_REQUESTS',
    );
    // Another IP, or another email from this IP, still signs in.
    expect(
      (await login(second.baseUrl, 'sam@springfield.gov', 'springfield-demo', '203.0.113.11')).code,
    ).toBe('OK');
    expect((await login(first.baseUrl, 'hana@springfield.gov', 'springfield-demo', ip)).code).toBe('OK');
  });

  it('lets the pair in again once the window has moved on', async () => {
    const ip = '203.0.113.20';
    for (let i = 0; i < 5; i++) await login(first.baseUrl, 'pat@springfield.gov', 'wrong', ip);
    const client = { ip, userAgent: null, https: false };
    const at = async (minutes: number) =>
      createCaller(
        await createTrpcContext(
          { ...first.app, now: () => new Date(Date.now() + minutes * 60_000) },
          new Headers(),
          {
            client,
          },
        ),
      );
    const credentials = { email: 'pat@springfield.gov', password: 'springfield-demo' };
    await expect((await at(10)).auth.login(credentials)).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    await expect((await at(16)).auth.login(credentials)).resolves.toMatchObject({
      token: expect.any(String),
    });
    // A success forgets that pair's failures: a new mistake starts counting from one.
    expect(await db.prisma.loginFailure.count({ where: { email: 'pat@springfield.gov', ip } })).toBe(0);
  });

  it('locks an IP out for every email after 50 failures', async () => {
    const ip = '203.0.113.30';
    for (let i = 0; i < 50; i++) {
      const result = await login(
        i % 2 ? first.baseUrl : second.baseUrl,
        `nobody${i}@springfield.gov`,
        'x',
        ip,
      );
      expect(result.code).toBe('UNAUTHORIZED');
    }
    const locked = await login(first.baseUrl, 'ines@springfield.gov', 'springfield-demo', ip);
    expect(locked.code).toBe('TOO_MANY_REQUESTS');
    expect(locked.message).toMatch(/^Too many failed sign-ins from your network\. Try again in \d+ minutes?/);
    expect(
      (await login(first.baseUrl, 'ines@springfield.gov', 'springfield-demo', '203.0.113.31')).code,
    ).toBe('OK');
  });

  it('answers the same refusal for an unknown email as for a wrong password', async () => {
    const unknown = await login(first.baseUrl, 'nobody@springfield.gov', 'springfield-demo', '203.0.113.40');
    const wrong = await login(first.baseUrl, 'sol@springfield.gov', 'nope', '203.0.113.40');
    expect(unknown).toEqual(wrong);
  });
});
