/**
 * Status mail end to end on the real services: a pothole filed over Open311 with an e-mail and a
 * follower; the worker's real status rows queue notifications; the dispatcher mails them through the
 * city's relay (a local SMTP sink on 127.0.0.1) to the requester and the follower, each with their
 * tracking link and an unsubscribe link; the follower's link, followed through the route, stops the
 * next status mail to them while the requester still gets it.
 */
import type { ParsedMail } from 'mailparser';
import nodemailer from 'nodemailer';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followRequest } from '@civicdesk/api';
import { notificationRoutes, startNotificationDispatcher, type NotificationDispatcher } from '@civicdesk/api';
import { DEMO_API_KEY, eventually, postForm, startPlatform, type Platform } from '../support/platform.js';
import { publicCaller, staffCaller } from '../support/staff.js';

const publicUrl = 'https://311.springfield.example';
const secret = 'notification-test-secret-0123456789abcdef';
const requester = 'homer@example.org';
const follower = 'lisa@example.org';

let platform: Platform;
let sink: SmtpSink;
let dispatcher: NotificationDispatcher;

beforeAll(async () => {
  platform = await startPlatform('notify');
  sink = await startSmtpSink();
  const port = sink.port;
  dispatcher = startNotificationDispatcher({
    db: platform.app.db,
    transport: nodemailer.createTransport(`smtp://127.0.0.1:${port}`),
    from: '311@springfield.gov',
    publicUrl,
    secret,
    pollMs: 100,
  });
});
afterAll(async () => {
  await dispatcher?.stop();
  await sink?.close();
  await platform?.stop();
});

const mailTo = (address: string, subject: RegExp) =>
  sink.relayed.filter((r) => r.to.includes(address) && subject.test(r.mail.subject ?? ''));

/** Waits until every notification queued for the request so far has been handled. */
const allSent = (requestId: string) =>
  eventually(async () => {
    const rows = await platform.app.db.notification.findMany({ where: { requestId: BigInt(requestId) } });
    return rows.length > 0 && rows.every((r) => r.sentAt !== null) ? rows : undefined;
  }, `every notification of request ${requestId} sent`);

describe('status notifications by e-mail', () => {
  it('mails the closing to requester and follower, and stops mailing a follower who unsubscribed', async () => {
    const { app, baseUrl } = platform;
    const posted = await postForm(baseUrl, '/open311/v2/requests.json', [
      ['api_key', DEMO_API_KEY],
      ['service_code', 'pothole'],
      ['lat', '39.7805'],
      ['long', '-89.6512'],
      ['address_string', '742 Evergreen Terrace'],
      ['email', requester],
      ['attribute[depth_cm]', '14'],
      ['attribute[location_type]', 'road'],
    ]);
    expect(posted.status).toBe(200);
    const id = ((await posted.json()) as { service_request_id: string }[])[0]!.service_request_id;
    const { token } = await app.db.serviceRequest.findUniqueOrThrow({ where: { id: BigInt(id) } });
    await followRequest(app.db, { jurisdictionId: 'springfield.gov', requestId: id, email: follower });

    const sam = await staffCaller(app, 'sam@springfield.gov');
    const urgent = await eventually(
      async () =>
        (await sam.queue.list({ department: 'streets' })).find(
          (t) => t.service_request_id === id && t.title === 'Urgent repair',
        ),
      'the urgent repair task',
    );
    await sam.queue.complete({ taskId: urgent.id, outcome: 'repaired', notes: 'Filled' });

    const [toRequester, toFollower] = await eventually(async () => {
      const a = mailTo(requester, /is closed/)[0];
      const b = mailTo(follower, /is closed/)[0];
      return a && b ? ([a.mail, b.mail] as const) : undefined;
    }, 'the closing mail to both recipients');
    for (const mail of [toRequester, toFollower]) {
      expect(mail.subject).toBe(`Request ${id} (Pothole) is closed`);
      expect(mail.from?.text).toBe('311@springfield.gov');
      expect(mail.text).toContain('The pothole has been repaired. Thank you for reporting it.');
      expect(mail.html).toContain('Stop these emails');
    }
    // The requester's link carries their tracking token; the follower's is the public page only.
    expect(toRequester.text).toContain(`Follow it here: ${publicUrl}/track/${id}?token=${token}`);
    expect(toFollower.text).toContain(`Follow it here: ${publicUrl}/track/${id}\n`);
    expect(toFollower.text).not.toContain(token);
    const unsubscribeOf = (mail: ParsedMail) => {
      const link = /To stop these emails about this request: (\S+)/.exec(mail.text ?? '')?.[1];
      expect(link).toBeDefined();
      // The same link as List-Unsubscribe, with one-click POST (RFC 8058) for mail clients' own button.
      expect(mail.headers.get('list')).toMatchObject({
        unsubscribe: { url: link },
        'unsubscribe-post': { name: 'List-Unsubscribe=One-Click' },
      });
      return new URL(link!);
    };
    expect(unsubscribeOf(toRequester).searchParams.get('email')).toBe(requester);
    const followerLink = unsubscribeOf(toFollower);
    expect(followerLink.origin).toBe(publicUrl);
    expect(followerLink.searchParams.get('email')).toBe(follower);
    const closedRows = await allSent(id);
    expect(closedRows.map((r) => [r.template, r.deliveredTo])).toEqual([
      ['request_closed', [requester, follower]],
    ]);

    // The follower follows the link; a tampered link changes nothing.
    const routes = notificationRoutes({ db: app.db, secret });
    const tampered = new URL(followerLink);
    tampered.searchParams.set('email', requester);
    const refused = await routes.request(tampered.toString());
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('Copy the whole link');
    const page = await routes.request(followerLink.toString());
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`We will send no more emails to ${follower} about request ${id}.`);
    const row = await app.db.requestFollower.findFirstOrThrow({ where: { requestId: BigInt(id) } });
    expect(row.unsubscribedAt).not.toBeNull();
    const request = await app.db.serviceRequest.findUniqueOrThrow({ where: { id: BigInt(id) } });
    expect(request.notificationsUnsubscribedAt).toBeNull();

    // A later status change: reopened, inspected, confirmed → the workflow sets action_scheduled.
    await (await publicCaller(app)).resident.reopen({ service_request_id: id, token, reason: 'Washed out' });
    const inspect = await eventually(
      async () =>
        (await sam.queue.list({ department: 'streets' })).find(
          (t) => t.service_request_id === id && t.title === 'Inspect the site',
        ),
      'the inspection task of the reopened request',
    );
    await sam.queue.complete({ taskId: inspect.id, outcome: 'confirmed' });
    await eventually(
      async () => mailTo(requester, /action scheduled/)[0],
      'the status mail to the requester',
    );
    const rows = await allSent(id);
    expect(rows.find((r) => r.template === 'status_changed')?.deliveredTo).toEqual([requester]);
    expect(mailTo(follower, /./)).toHaveLength(1);
  });
});
