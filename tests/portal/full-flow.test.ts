/**
 * Issue #7's whole story in Debian's Chromium over the real platform: a resident places a pothole on
 * the map, adds a photo, is warned about a nearby pothole reported earlier (seeded through Open311),
 * files anyway and lands on the tracking page; a Streets clerk signs in on /staff, claims and
 * completes the task; the resident's tracking page shows it closed and the status mail (through a
 * local SMTP sink) says closed; the public transparency page and the staff dashboard count it.
 */
import nodemailer from 'nodemailer';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNotificationDispatcher, type NotificationDispatcher } from '@civicdesk/api';
import { DEMO_API_KEY, eventually, postForm, startPlatform, type Platform } from '../support/platform.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { publicCaller } from '../support/staff.js';
import { artifacts, launchChromium, seriousAxeViolations } from './support/browser.js';
import { servePortal, type PortalServer } from './support/serve-portal.js';

const resident = 'marge@example.org';
/** The middle of Springfield's boundary box, where the report map opens centred. */
const nearby = { lat: 39.785, long: -89.65 };

let platform: Platform;
let portal: PortalServer;
let browser: Browser;
let sink: SmtpSink;
let dispatcher: NotificationDispatcher;
const contexts: BrowserContext[] = [];

async function openPage(width: number, height = 900): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height } });
  contexts.push(context);
  return context.newPage();
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `${artifacts}screens/full-flow-${name}.png`, fullPage: true });

/** The headline figure of the dashboard pages, by key (opened, closed, open, …). */
const figure = (page: Page, key: string) => page.getByTestId(`headline-${key}`).locator('dd').textContent();

beforeAll(async () => {
  platform = await startPlatform('full-flow');
  portal = await servePortal(platform.app);
  sink = await startSmtpSink();
  dispatcher = startNotificationDispatcher({
    db: platform.app.db,
    transport: nodemailer.createTransport(`smtp://127.0.0.1:${sink.port}`),
    from: '311@springfield.gov',
    publicUrl: portal.baseUrl,
    secret: 'full-flow-test-secret-0123456789abcdef',
    pollMs: 100,
  });
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await dispatcher?.stop();
  await sink?.close();
  await portal?.stop();
  await platform?.stop();
});

describe('a pothole from the map to the dashboard', () => {
  let requestId = '';
  let trackUrl = '';
  let seededId = '';

  it('files a pothole placed on the map, with a photo, past a duplicate warning', async () => {
    const seeded = await postForm(platform.baseUrl, '/open311/v2/requests.json', [
      ['api_key', DEMO_API_KEY],
      ['service_code', 'pothole'],
      ['lat', String(nearby.lat)],
      ['long', String(nearby.long)],
      ['description', 'Pothole near the middle of town'],
      ['attribute[depth_cm]', '8'],
      ['attribute[location_type]', 'road'],
    ]);
    expect(seeded.status).toBe(200);
    seededId = ((await seeded.json()) as { service_request_id: string }[])[0]!.service_request_id;

    const page = await openPage(1280);
    await page.goto(`${portal.baseUrl}/`);
    await page.getByLabel('Search services').fill('pothole');
    await page.getByRole('radio', { name: /Pothole/ }).check();
    await page.getByRole('radio', { name: 'Road' }).check();
    await page.getByLabel(/About how deep/).fill('12');
    await page.getByLabel('Describe the problem').fill('Deep pothole by the crossing');

    // The pin goes where the resident clicks: the middle of the map, near the earlier report.
    const map = page.getByLabel(/Map of the city/);
    await map.scrollIntoViewIfNeeded();
    const box = (await map.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => page.getByLabel('Latitude').inputValue()).not.toBe('');
    const lat = Number(await page.getByLabel('Latitude').inputValue());
    const long = Number(await page.getByLabel('Longitude').inputValue());
    expect(Math.abs(lat - nearby.lat)).toBeLessThan(0.002);
    expect(Math.abs(long - nearby.long)).toBeLessThan(0.002);

    const warning = page.getByRole('region', { name: 'Already reported nearby?' });
    await warning.waitFor({ timeout: 15_000 });
    expect(await warning.textContent()).toContain(`#${seededId}`);

    const photo = await sharp({ create: { width: 80, height: 60, channels: 3, background: '#555' } })
      .png()
      .toBuffer();
    await page
      .getByLabel('Add a photo')
      .setInputFiles({ name: 'pothole.png', mimeType: 'image/png', buffer: photo });
    await page.getByRole('img', { name: 'The photo you added' }).waitFor();
    await page.getByLabel('Email').fill(resident);
    await shot(page, 'report-1280');

    // Files anyway: a new request of its own, not a follow of the earlier one.
    await page.getByRole('button', { name: 'Send report' }).click();
    await page.waitForURL(/\/track\/\d+\?token=/);
    trackUrl = page.url();
    requestId = /\/track\/(\d+)/.exec(trackUrl)![1]!;
    expect(requestId).not.toBe(seededId);
    await page.getByRole('heading', { name: `Request #${requestId}` }).waitFor();
    expect(await page.getByTestId('request-status').textContent()).toBe('Open');
    await page.getByRole('img', { name: 'Photo' }).waitFor();
    const row = await platform.app.db.serviceRequest.findUniqueOrThrow({ where: { id: BigInt(requestId) } });
    expect(row).toMatchObject({ email: resident, channel: 'web' });
    // The uploaded photo belongs to this request, and the request names it.
    const stored = await platform.app.db.media.findFirstOrThrow({ where: { requestId: row.id } });
    expect(row.mediaUrl).toMatch(new RegExp(`/media/${stored.id}\\.(jpg|png)$`));
  });

  it('counts the two open potholes on the transparency page before anyone works them', async () => {
    const page = await openPage(1280);
    await page.goto(`${portal.baseUrl}/transparency`);
    await page.getByLabel('Service', { exact: true }).selectOption('pothole');
    await expect.poll(() => figure(page, 'opened')).toBe('2');
    expect(await figure(page, 'closed')).toBe('0');
    expect(await figure(page, 'open')).toBe('2');
  });

  it('lets a Streets clerk sign in, claim and complete the task', async () => {
    const page = await openPage(1280);
    await page.goto(`${portal.baseUrl}/staff`);
    await page.getByLabel('Work email').fill('sam@springfield.gov');
    await page.getByLabel('Password').fill('springfield-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const task = page.getByRole('article').filter({ hasText: `Request #${requestId}` });
    for (let tries = 0; !(await task.isVisible()); tries++) {
      if (tries > 60) throw new Error('the pothole task never reached the Streets queue');
      await page.waitForTimeout(500);
      await page.getByRole('button', { name: /Refresh/ }).click();
    }
    await task.getByRole('button', { name: 'Claim', exact: true }).click();
    await eventually(async () => {
      const t = await platform.app.db.task.findFirst({
        where: { requestId: BigInt(requestId), status: 'claimed' },
      });
      return t ?? undefined;
    }, 'the task claimed');
    await task.getByLabel('Notes (optional)').fill('Filled with hot mix.');
    await task.getByRole('button', { name: 'Repaired' }).click();
    await page.getByText(`Task for request #${requestId} completed: Repaired.`).waitFor();
  });

  it("shows the resident's page closed and mails them that it is closed", async () => {
    const page = await openPage(390, 844);
    await page.goto(trackUrl);
    await expect
      .poll(
        async () => {
          await page.reload();
          return page.getByTestId('request-status').textContent();
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe('Closed');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shot(page, 'track-closed-390');
    const mail = await eventually(
      async () => sink.relayed.find((m) => m.to.includes(resident) && /is closed/.test(m.mail.subject ?? '')),
      'the closing mail to the resident',
    );
    expect(mail.mail.subject).toBe(`Request ${requestId} (Pothole) is closed`);
    expect(mail.mail.text).toContain(`/track/${requestId}?token=`);
  });

  it('counts it closed on the transparency page and on the staff dashboard', async () => {
    const row = await platform.app.db.serviceRequest.findUniqueOrThrow({ where: { id: BigInt(requestId) } });
    const seconds = (row.closedAt!.getTime() - row.requestedAt.getTime()) / 1000;
    const api = await (await publicCaller(platform.app)).stats.headline({ service: 'pothole' });
    expect(api).toMatchObject({ opened: 2, closed: 1, open: 1 });
    expect(api.medianSecondsToClose).toBeCloseTo(seconds, 2);

    const page = await openPage(1280);
    await page.goto(`${portal.baseUrl}/transparency`);
    await page.getByLabel('Service', { exact: true }).selectOption('pothole');
    await expect.poll(() => figure(page, 'closed')).toBe('1');
    expect(await figure(page, 'opened')).toBe('2');
    expect(await figure(page, 'open')).toBe('1');
    await shot(page, 'transparency-1280');

    const staff = await openPage(1280);
    await staff.goto(`${portal.baseUrl}/dashboard`);
    await staff.getByLabel('Work email').fill('sam@springfield.gov');
    await staff.getByLabel('Password').fill('springfield-demo');
    await staff.getByRole('button', { name: 'Sign in' }).click();
    const people = staff.getByRole('table', { name: 'Tasks completed per staff member' });
    await people.waitFor();
    const sam = people.getByRole('row').filter({ hasText: 'Streets' });
    expect(await sam.locator('td').nth(1).textContent()).toBe('1');
    expect(await figure(staff, 'closed')).toBe('1');
    await shot(staff, 'dashboard-1280');
  });
});
