/** REST routes signed in the tRPC way: session cookie or Bearer, and CSRF on cookie-authenticated changes. */
import { Hono } from 'hono';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../app-context.js';
import { loadConfig } from '../config.js';
import { createTestDatabase, type TestDatabase } from '../db/testing.js';
import { createMediaSettings } from '../media/media-settings.js';
import { readCityPack } from '../packs/city-pack.js';
import { importCityPack } from '../packs/import-city-pack.js';
import type { WorkflowGateway } from '../workflow-gateway.js';
import { requireStaffSession } from './rest-session.js';
import { startStaffSession, type StartedSession } from './sessions.js';

const springfield = new URL('../../../examples/springfield/', import.meta.url);
const mediaDir = mkdtempSync(join(tmpdir(), 'civicdesk-rest-session-'));
let db: TestDatabase;
let app: AppContext;
let http: Hono;
let session: StartedSession;

beforeAll(async () => {
  db = await createTestDatabase('rest_session');
  await importCityPack(db.prisma, readCityPack(springfield.pathname));
  const config = loadConfig({ ...process.env, DATABASE_URL: db.url, MEDIA_DIR: mediaDir });
  app = {
    db: db.prisma,
    config,
    workflows: {} as WorkflowGateway,
    media: createMediaSettings(config),
    now: () => new Date(),
  };
  const sam = await db.prisma.staffMember.findFirstOrThrow({ where: { email: 'sam@springfield.gov' } });
  session = await startStaffSession(app, sam.id, { ip: '192.0.2.1', userAgent: 'test' });
  const routes = new Hono<{ Variables: { staff: { name: string } } }>();
  routes.use('/staff/*', requireStaffSession(app));
  routes.get('/staff/whoami', (c) => c.json({ name: c.get('staff').name }));
  routes.post('/staff/change', (c) => c.json({ changed: true }));
  http = routes as unknown as Hono;
});
afterAll(async () => {
  await db?.drop();
  rmSync(mediaDir, { recursive: true, force: true });
});

const cookie = () => `civicdesk_session=${encodeURIComponent(session.token)}`;

describe('requireStaffSession', () => {
  it('answers 401 without a live session', async () => {
    expect((await http.request('/staff/whoami')).status).toBe(401);
    const forged = await http.request('/staff/whoami', { headers: { cookie: 'civicdesk_session=forged' } });
    expect(forged.status).toBe(401);
  });

  it('reads with the cookie alone, but changes only with the session’s x-csrf-token', async () => {
    const read = await http.request('/staff/whoami', { headers: { cookie: cookie() } });
    expect(await read.json()).toEqual({ name: expect.any(String) });
    const bare = await http.request('/staff/change', { method: 'POST', headers: { cookie: cookie() } });
    expect(bare.status).toBe(403);
    expect(await bare.json()).toEqual({ error: expect.stringMatching(/^x-csrf-token: /) });
    const guarded = await http.request('/staff/change', {
      method: 'POST',
      headers: { cookie: cookie(), 'x-csrf-token': session.csrfToken },
    });
    expect(guarded.status).toBe(200);
  });

  it('lets Bearer clients change without a CSRF token', async () => {
    const response = await http.request('/staff/change', {
      method: 'POST',
      headers: { authorization: `Bearer ${session.token}` },
    });
    expect(response.status).toBe(200);
  });
});
