/**
 * The staff queue page in Debian's Chromium over the real platform: a Streets clerk signs in,
 * narrows the queue by service and by search, ticks tasks and claims them in bulk (one had been
 * taken by someone else meanwhile, and the bar says so), adds an internal note that the resident's
 * tracking page never shows, and switches to the map, whose markers carry the SLA colours.
 * Screenshots of the list, bulk bar, task detail and map at phone and desktop widths go to
 * tests/artifacts/screens/.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Platform } from '../support/platform.js';
import { staffCaller } from '../support/staff.js';
import { launchChromium, seriousAxeViolations } from '../portal/support/browser.js';
import { servePortal, type PortalServer } from '../portal/support/serve-portal.js';
import { filePothole, fileStreetlight, tasksOf, type Filed } from './support/file-requests.js';

const screens = fileURLToPath(new URL('../artifacts/screens/', import.meta.url));
let platform: Platform;
let portal: PortalServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let filed: Filed[] = [];

/** Full-page screenshots at desktop and phone width, then back to desktop. */
async function screenshots(name: string) {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: `${screens}queue-${name}-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${screens}queue-${name}-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
}

const articles = () => page.getByRole('article');
const card = (requestId: string) => articles().filter({ hasText: `Request #${requestId}` });

beforeAll(async () => {
  mkdirSync(screens, { recursive: true });
  platform = await startPlatform('queue-page');
  portal = await servePortal(platform.app);
  browser = await launchChromium();
  const spots: [number, number][] = [
    [39.7817, -89.6501],
    [39.799, -89.644],
    [39.7951, -89.6402],
    [39.75, -89.6],
  ];
  filed = await Promise.all([
    filePothole(platform, spots[0]!, 'Deep pothole by the Monroe Street crossing', 15),
    filePothole(platform, spots[1]!, 'Pothole in front of the library'),
    filePothole(platform, spots[2]!, 'Pothole near the school gate'),
    fileStreetlight(platform, spots[0]!, 'Streetlight dark at the corner'),
    fileStreetlight(platform, spots[3]!, 'Streetlight flickering all night'),
  ]);
  const sam = await staffCaller(platform.app, 'sam@springfield.gov');
  await tasksOf(sam, 'streets', filed);
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
}, 240_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await portal?.stop();
  await platform?.stop();
});

describe('the staff queue page', () => {
  it('signs in and narrows the queue by service and by search', async () => {
    await page.goto(`${portal.baseUrl}/staff`);
    await page.getByLabel('Work email').fill('sam@springfield.gov');
    await page.getByLabel('Password').fill('springfield-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: `Open tasks (${filed.length})` }).waitFor();
    await expect.poll(() => articles().count()).toBe(filed.length);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshots('list');

    await page.getByLabel('Service').selectOption('streetlight-out');
    await page.getByRole('heading', { name: 'Open tasks (2)' }).waitFor();
    await expect.poll(() => articles().count()).toBe(2);
    expect(await articles().allTextContents()).toEqual([
      expect.stringContaining('Streetlight out'),
      expect.stringContaining('Streetlight out'),
    ]);
    // The service list counts what each choice would show, ignoring its own filter.
    await expect
      .poll(() => page.getByLabel('Service').locator('option').allTextContents())
      .toEqual(['All', 'Pothole (3)', 'Streetlight out (2)']);

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByLabel(/^Search/).fill('monroe');
    await expect.poll(() => articles().count()).toBe(1);
    expect(await articles().first().textContent()).toContain(`Request #${filed[0]!.id}`);
    await page.getByLabel(/^Search/).fill('');
    await expect.poll(() => articles().count()).toBe(filed.length);
  });

  it('claims ticked tasks in bulk and lists the one someone else took first', async () => {
    const [library, school, light] = [filed[1]!, filed[2]!, filed[3]!];
    for (const f of [library, school, light])
      await page.getByRole('checkbox', { name: `Select request #${f.id}` }).check();
    const bar = page.getByRole('region', { name: '3 selected' });
    await bar.waitFor();
    // Meanwhile an administrator takes one of them from another tab.
    const admin = await staffCaller(platform.app, 'admin@springfield.gov', 'springfield-admin');
    const taken = (await admin.queue.page({ department: 'streets', search: light.id })).tasks[0]!;
    await admin.queue.claim({ taskId: taken.id, version: taken.version });

    await bar.getByLabel('Action').selectOption('claim');
    await bar.getByRole('button', { name: 'Apply to 3 selected' }).click();
    await page.getByText('2 done, 1 failed.').waitFor();
    await page
      .getByText(`Request #${light.id}: Someone else claimed this task just now; refresh your queue.`)
      .waitFor();
    await expect.poll(() => page.getByRole('region', { name: '1 selected' }).isVisible()).toBe(true);
    await screenshots('bulk');
    for (const f of [library, school])
      await expect.poll(() => card(f.id).getByText('Claimed by you').isVisible()).toBe(true);
    const samId = (
      await platform.app.db.staffMember.findFirstOrThrow({ where: { email: 'sam@springfield.gov' } })
    ).id;
    const rows = await platform.app.db.task.findMany({
      where: { request: { id: { in: [BigInt(library.id), BigInt(school.id)] } } },
    });
    expect(rows.map((r) => r.assigneeId)).toEqual([samId, samId]);
    await page.getByRole('button', { name: 'Clear selection' }).click();
  });

  it('adds an internal note that the tracking page never shows', async () => {
    const library = filed[1]!;
    const task = card(library.id);
    await task.getByText('Internal notes, transfer, duplicate').click();
    await task.getByText('No internal notes yet.').waitFor();
    const note = 'Caller says the hole is behind a parked van; check the kerb side.';
    await task.getByLabel('Internal note — never shown to the resident').fill(note);
    await task.getByRole('button', { name: 'Add internal note' }).click();
    await page.getByText(`Internal note added to request #${library.id}.`).waitFor();
    await task.getByText(note).waitFor();
    await task.getByLabel('Number of the earlier request').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await task.scrollIntoViewIfNeeded();
    await screenshots('detail');

    const resident = await context.newPage();
    await resident.goto(`${portal.baseUrl}/track/${library.id}`);
    await resident.getByTestId('request-status').waitFor();
    expect(await resident.content()).not.toContain('parked van');
    await resident.close();
  });

  it('shows the queue on a map with markers coloured by SLA state', async () => {
    await page.getByRole('button', { name: 'Map' }).click();
    await page.getByRole('region', { name: `Map of the queue: ${filed.length} tasks` }).waitFor();
    const markers = page.locator('path.queue-marker');
    await expect.poll(() => markers.count()).toBe(filed.length);
    const fills = await markers.evaluateAll((paths) => paths.map((p) => p.getAttribute('fill')));
    const states = await markers.evaluateAll((paths) =>
      paths.map((p) => /sla-(\w+)/.exec(p.getAttribute('class') ?? '')?.[1]),
    );
    const colours: Record<string, string> = {
      overdue: '#b00020',
      due_soon: '#c25e00',
      on_time: '#1e6b34',
      none: '#4a5561',
    };
    expect(fills).toEqual(states.map((s) => colours[s!]));
    await page.getByText('Tasks on the map').click();
    await page.getByRole('link', { name: `Request #${filed[4]!.id}` }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshots('map');
    await markers.first().dispatchEvent('click');
    await page.locator('.leaflet-popup-content').waitFor();
  });
});
