/**
 * The dispatcher and the unsubscribe route on a real PostgreSQL database, mailing through a local
 * SMTP sink that can refuse a recipient (as a relay does when busy). The clock is the test's, so
 * backoff is checked without waiting.
 */
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/testing.js';
import { prismaRequestStore } from '../workflow-store/prisma-request-store.js';
import { startNotificationDispatcher, type NotificationDispatcherOptions } from './dispatcher.js';
import { notificationRoutes } from './routes.js';
import { unsubscribeUrl } from './unsubscribe-link.js';

const secret = 'dispatcher-test-secret';
const publicUrl = 'https://311.example';
let db: TestDatabase;
let sink: SMTPServer;
let sinkPort = 0;
const relayed: { to: string; mail: ParsedMail }[] = [];
/** Addresses the relay refuses with 451 for now. */
const refused = new Set<string>();
let service: { id: string; jurisdictionId: string; departmentId: string };

beforeAll(async () => {
  db = await createTestDatabase('notifications');
  await db.prisma.jurisdiction.create({
    data: { id: 'springfield.gov', name: 'Springfield', timezone: 'America/Chicago' },
  });
  const streets = await db.prisma.department.create({
    data: { jurisdictionId: 'springfield.gov', code: 'streets', name: 'Streets' },
  });
  service = await db.prisma.service.create({
    data: { jurisdictionId: 'springfield.gov', departmentId: streets.id, code: 'pothole', name: 'Pothole' },
  });
  sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (!refused.has(address.address)) return callback();
      callback(Object.assign(new Error('Mailbox busy, try later'), { responseCode: 451 }));
    },
    onData(stream, session, callback) {
      simpleParser(stream).then((mail) => {
        for (const r of session.envelope.rcptTo) relayed.push({ to: r.address, mail });
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  sinkPort = (sink.server.address() as AddressInfo).port;
}, 60_000);
afterAll(async () => {
  await new Promise<void>((resolve) => (sink ? sink.close(() => resolve()) : resolve()));
  await db?.drop();
}, 60_000);

async function addRequest(email: string | null, followers: string[] = []): Promise<bigint> {
  const request = await db.prisma.serviceRequest.create({
    data: {
      jurisdictionId: service.jurisdictionId,
      serviceId: service.id,
      departmentId: service.departmentId,
      channel: 'web',
      email,
      address: '742 Evergreen Terrace',
    },
  });
  for (const f of followers)
    await db.prisma.requestFollower.create({ data: { requestId: request.id, email: f } });
  return request.id;
}

function dispatcher(clock: { now: Date }, extra: Partial<NotificationDispatcherOptions> = {}) {
  return startNotificationDispatcher({
    db: db.prisma,
    transport: nodemailer.createTransport(`smtp://127.0.0.1:${sinkPort}`),
    from: '311@springfield.gov',
    publicUrl,
    secret,
    poll: false,
    now: () => clock.now,
    ...extra,
  });
}

// Rows default to the database's now(), so the test clock starts a little after it.
const startClock = () => ({ now: new Date(Date.now() + 60_000) });
// Each test dispatches only its own rows.
afterEach(async () => {
  await db.prisma.notification.deleteMany();
});

const mailsTo = (address: string) => relayed.filter((r) => r.to === address);
const later = (clock: { now: Date }, ms: number) => (clock.now = new Date(clock.now.getTime() + ms));

describe('status rows queue their mail', () => {
  it('queues one mail per written status row, in the same transaction, and none for a repeated key', async () => {
    const id = await addRequest('a@example.org');
    const store = prismaRequestStore(db.prisma);
    const ids = { requestId: id.toString(), workflowId: `request-${id}` };
    await store.setStatus({ ...ids, key: `k${id}:1`, status: 'action_scheduled', note: 'A crew is coming.' });
    await store.setStatus({ ...ids, key: `k${id}:1`, status: 'action_scheduled', note: 'A crew is coming.' });
    await store.closeRequest({
      ...ids,
      key: `k${id}:2`,
      status: 'fixed',
      resolution: 'fixed',
      message: null,
    });
    const rows = await db.prisma.notification.findMany({ where: { requestId: id }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => [r.dedupeKey, r.template, r.channel, r.data])).toEqual([
      [
        `k${id}:1:notify`,
        'status_changed',
        'email',
        { status: 'action_scheduled', note: 'A crew is coming.' },
      ],
      [`k${id}:2:notify`, 'request_closed', 'email', { status: 'fixed', resolution: 'fixed' }],
    ]);
  });
});

describe('the notification dispatcher', () => {
  it('retries after a refused recipient with backoff, never mailing an address twice', async () => {
    const clock = startClock();
    const id = await addRequest('Homer@Example.org', ['lisa@example.org', 'homer@example.org']);
    await db.prisma.notification.create({
      data: {
        requestId: id,
        dedupeKey: `retry-${id}`,
        template: 'status_changed',
        channel: 'email',
        data: { status: 'in_progress' },
      },
    });
    const d = dispatcher(clock);
    refused.add('lisa@example.org');
    expect(await d.drainOnce()).toBe(1);
    let row = await db.prisma.notification.findUniqueOrThrow({ where: { dedupeKey: `retry-${id}` } });
    expect(row).toMatchObject({
      sentAt: null,
      attempts: 1,
      deliveredTo: ['homer@example.org'],
      lockedUntil: null,
    });
    expect(row.lastError).toMatch(/451/);
    expect(row.availableAt.getTime()).toBeGreaterThan(clock.now.getTime());
    expect(mailsTo('homer@example.org')).toHaveLength(1);

    expect(await d.drainOnce()).toBe(0); // backing off
    refused.delete('lisa@example.org');
    later(clock, 60_000);
    expect(await d.drainOnce()).toBe(1);
    row = await db.prisma.notification.findUniqueOrThrow({ where: { dedupeKey: `retry-${id}` } });
    expect(row).toMatchObject({
      attempts: 2,
      lastError: null,
      deliveredTo: ['homer@example.org', 'lisa@example.org'],
    });
    expect(row.sentAt).toEqual(clock.now);
    expect(mailsTo('homer@example.org')).toHaveLength(1);
    expect(mailsTo('lisa@example.org')).toHaveLength(1);
    expect(await d.drainOnce()).toBe(0);
  });

  it('gives up after maxAttempts, leaves SMS rows alone, and closes rows nobody can be mailed', async () => {
    const clock = startClock();
    const stuck = await addRequest('bart@example.org');
    const nobody = await addRequest(null);
    const sms = await addRequest('maggie@example.org');
    const row = (requestId: bigint, key: string, channel = 'email') =>
      db.prisma.notification.create({
        data: { requestId, dedupeKey: key, template: 'x', channel, data: {} },
      });
    await row(stuck, `stuck-${stuck}`);
    await row(nobody, `nobody-${nobody}`);
    await row(sms, `sms-${sms}`, 'sms');
    const d = dispatcher(clock, { maxAttempts: 2 });
    refused.add('bart@example.org');
    expect(await d.drainOnce()).toBe(2);
    later(clock, 3_600_000);
    expect(await d.drainOnce()).toBe(1);
    later(clock, 3_600_000);
    expect(await d.drainOnce()).toBe(0);
    refused.delete('bart@example.org');
    const rows = await db.prisma.notification.findMany({
      where: { requestId: { in: [stuck, nobody, sms] } },
    });
    const by = (requestId: bigint) => rows.find((r) => r.requestId === requestId)!;
    expect(by(stuck)).toMatchObject({ sentAt: null, attempts: 2, deliveredTo: [] });
    expect(by(nobody)).toMatchObject({ attempts: 1, deliveredTo: [] });
    expect(by(nobody).sentAt).not.toBeNull();
    expect(by(sms)).toMatchObject({ sentAt: null, attempts: 0 });
    expect(mailsTo('bart@example.org')).toHaveLength(0);
    expect(mailsTo('maggie@example.org')).toHaveLength(0);
  });

  it('stops mailing a requester who followed their unsubscribe link, and the link works once per pair', async () => {
    const clock = startClock();
    const id = await addRequest('ned@example.org', ['rod@example.org']);
    const routes = notificationRoutes({ db: db.prisma, secret, now: () => clock.now });
    const link = unsubscribeUrl(publicUrl, secret, id.toString(), 'ned@example.org');
    expect((await routes.request(link)).status).toBe(200);
    expect((await routes.request(link)).status).toBe(200); // a second click is harmless
    const request = await db.prisma.serviceRequest.findUniqueOrThrow({ where: { id } });
    expect(request.notificationsUnsubscribedAt).toEqual(clock.now);
    expect(await db.prisma.requestFollower.count({ where: { requestId: id, unsubscribedAt: null } })).toBe(1);
    // One-click unsubscribe from a mail client's button (RFC 8058) for the follower.
    const rod = unsubscribeUrl(publicUrl, secret, id.toString(), 'rod@example.org');
    expect((await routes.request(rod.replace('rod%40', 'todd%40'), { method: 'POST' })).status).toBe(400);
    expect(await db.prisma.requestFollower.count({ where: { requestId: id, unsubscribedAt: null } })).toBe(1);

    await db.prisma.notification.create({
      data: {
        requestId: id,
        dedupeKey: `unsub-${id}`,
        template: 'request_closed',
        channel: 'email',
        data: {},
      },
    });
    expect(await dispatcher(clock).drainOnce()).toBe(1);
    expect(mailsTo('ned@example.org')).toHaveLength(0);
    expect(mailsTo('rod@example.org')).toHaveLength(1);
    expect((await routes.request(rod, { method: 'POST' })).status).toBe(204);
    expect(await db.prisma.requestFollower.count({ where: { requestId: id, unsubscribedAt: null } })).toBe(0);
  });
});
