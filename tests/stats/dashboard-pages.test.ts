/**
 * The dashboard pages in Debian's Chromium over a platform with a few weeks of history: the public
 * transparency page shows the same headline numbers as the API, switches day/week/month, and its CSV
 * link downloads the numbers of the table beside the chart; the staff dashboard asks for sign-in and
 * then adds the private breakdowns, which anonymous callers cannot read through tRPC or CSV. Both
 * pages are screenshotted at phone and desktop widths into tests/artifacts/screens.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Platform } from '../support/platform.js';
import { publicCaller, staffCaller } from '../support/staff.js';
import { artifacts, launchChromium, seriousAxeViolations } from '../portal/support/browser.js';
import { servePortal, type PortalServer } from '../portal/support/serve-portal.js';
import { seedHistory } from './seed-history.js';

let platform: Platform;
let portal: PortalServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const screens = `${artifacts}screens/`;

async function openPage(width: number, height = 900): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, acceptDownloads: true });
  contexts.push(context);
  return context.newPage();
}

async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: `${screens}${name}.png`, fullPage: true });
}

/**
 * Elements of the page body reaching past the right edge of a phone screen (none, when it fits).
 * Tables scroll sideways inside their own box, so what is inside `.table-scroll` does not count.
 */
async function widerThanScreen(page: Page, width = 390): Promise<string[]> {
  // The charts follow the viewport through a ResizeObserver; give them a frame to catch up.
  await page.waitForTimeout(300);
  return page.evaluate(
    `[...document.querySelectorAll('main *')]
      .filter((e) => !e.closest('.table-scroll table') && e.getBoundingClientRect().right > ${width} + 0.5)
      .slice(0, 5)
      .map((e) => e.tagName.toLowerCase() + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))`,
  );
}

/** The headline figure shown under a label. */
const figure = (page: Page, key: string) => page.getByTestId(`headline-${key}`).locator('dd').textContent();

beforeAll(async () => {
  mkdirSync(screens, { recursive: true });
  platform = await startPlatform('dash-pages');
  await seedHistory(platform.app, new Date());
  portal = await servePortal(platform.app);
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await portal?.stop();
  await platform?.stop();
});

describe('the public transparency page', () => {
  it('shows the API headline numbers, tables beside charts, and switches period', async () => {
    const page = await openPage(1280, 800);
    await page.goto(`${portal.baseUrl}/transparency`);
    await page.getByRole('heading', { name: 'How the city is doing' }).waitFor();
    await page.getByTestId('headline-opened').waitFor();
    const from = await page.getByLabel('From', { exact: true }).inputValue();
    const to = await page.getByLabel('To', { exact: true }).inputValue();
    const api = await (await publicCaller(platform.app)).stats.headline({ from, to });
    expect(api.opened).toBeGreaterThan(50);
    expect(await figure(page, 'opened')).toBe(String(api.opened));
    expect(await figure(page, 'closed')).toBe(String(api.closed));
    expect(await figure(page, 'open')).toBe(String(api.open));

    // Per day: one row per day that had requests opened or closed; per week: far fewer rows.
    const perDay = page.getByRole('table', { name: 'Opened and closed per period' });
    const dayRows = await perDay.locator('tbody tr').count();
    expect(dayRows).toBeGreaterThan(20);
    await page.getByRole('radio', { name: 'Week' }).check();
    await expect.poll(() => perDay.locator('tbody tr').count()).toBeLessThanOrEqual(6);
    const weekly = await perDay
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent)));
    expect(weekly.reduce((n, r) => n + Number(r[1]), 0)).toBe(api.opened);

    // The CSV beside it holds the same numbers.
    const link = page.getByRole('link', { name: /Download “Requests opened and closed per week” as CSV/ });
    const href = (await link.getAttribute('href'))!;
    const response = await fetch(`${portal.baseUrl}${href}`);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="civicdesk-volume-week-none-/,
    );
    const lines = (await response.text()).trim().split('\r\n');
    expect(lines[0]).toBe('week,opened,closed');
    expect(lines.slice(1).map((l) => l.split(','))).toEqual(weekly);

    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'transparency-1280');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('radio', { name: 'Day' }).check();
    await expect.poll(() => perDay.locator('tbody tr').count()).toBe(dayRows);
    expect(await widerThanScreen(page)).toEqual([]);
    await screenshot(page, 'transparency-390');
  });

  it('filters by service, and reads in Spanish', async () => {
    const page = await openPage(390, 844);
    await page.goto(`${portal.baseUrl}/transparency`);
    await page.getByTestId('headline-opened').waitFor();
    const options = await (await publicCaller(platform.app)).stats.options();
    const service = options.services[0]!;
    await page.getByLabel('Service', { exact: true }).selectOption(service.code);
    const from = await page.getByLabel('From', { exact: true }).inputValue();
    const to = await page.getByLabel('To', { exact: true }).inputValue();
    const api = await (await publicCaller(platform.app)).stats.headline({ from, to, service: service.code });
    await expect.poll(() => figure(page, 'opened')).toBe(String(api.opened));
    await page.getByLabel('Language').selectOption('es');
    await page.getByRole('heading', { name: 'Cómo le va a la ciudad' }).waitFor();
    expect(await widerThanScreen(page)).toEqual([]);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'transparency-es-390');
  });
});

describe('the staff dashboard', () => {
  it('asks for sign-in, then adds throughput per person and overdue tasks', async () => {
    const page = await openPage(1280, 800);
    await page.goto(`${portal.baseUrl}/dashboard`);
    await page.getByLabel('Work email').fill('sam@springfield.gov');
    await page.getByLabel('Password').fill('springfield-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const people = page.getByRole('table', { name: 'Tasks completed per staff member' });
    await people.waitFor();
    const overdue = page.getByRole('table', { name: 'Tasks waiting now, per department' });
    // Sam works in Streets: his rows and Streets' waiting tasks only.
    expect(await people.locator('tbody tr').count()).toBe(1);
    expect(await people.locator('tbody tr').textContent()).toContain('Streets');
    expect(await overdue.locator('tbody th').allTextContents()).toEqual(['Streets and Transportation']);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'dashboard-1280');
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await widerThanScreen(page)).toEqual([]);
    await screenshot(page, 'dashboard-390');
  });

  it('counts tasks the way a clerk would count them by hand', async () => {
    const now = new Date();
    const tasks = await platform.app.db.task.findMany({ include: { department: true } });
    const admin = await staffCaller(platform.app, 'admin@springfield.gov', 'springfield-admin');
    const waiting = tasks.filter((t) => t.status === 'open' || t.status === 'claimed');
    const perDepartment = new Map<string, { pending: number; overdue: number }>();
    for (const t of waiting) {
      const row = perDepartment.get(t.department.code) ?? { pending: 0, overdue: 0 };
      row.pending++;
      if (t.dueAt && t.dueAt < now) row.overdue++;
      perDepartment.set(t.department.code, row);
    }
    const answered = await admin.stats.overdueTasks({});
    expect(
      Object.fromEntries(answered.map((r) => [r.departmentCode, { pending: r.pending, overdue: r.overdue }])),
    ).toEqual(Object.fromEntries(perDepartment));
    const done = tasks.filter((t) => t.completedAt && t.dueAt);
    const sla = await admin.stats.sla({ by: 'none' });
    expect(sla.total.tasksWithDue).toBe(done.length);
    expect(sla.total.tasksMet).toBe(done.filter((t) => t.completedAt! <= t.dueAt!).length);
    const throughput = await admin.stats.throughput({});
    expect(throughput.reduce((n, r) => n + r.completed, 0)).toBe(
      tasks.filter((t) => t.status === 'completed').length,
    );
  });

  it('exports every public view as CSV with the numbers of the API, and names a bad parameter', async () => {
    const csv = async (query: string) => {
      const response = await fetch(`${portal.baseUrl}/stats/export.csv?${query}`);
      return { status: response.status, text: await response.text() };
    };
    const api = await publicCaller(platform.app);
    const head = await api.stats.headline({ from: '2026-01-01' });
    const headCsv = (await csv('view=headline&from=2026-01-01')).text.trim().split('\r\n');
    expect(headCsv[0]).toBe('opened,closed,open,median_seconds_to_close,p90_seconds_to_close,sla_compliance');
    expect(headCsv[1]!.split(',').slice(0, 3).map(Number)).toEqual([head.opened, head.closed, head.open]);
    expect(Number(headCsv[1]!.split(',')[3])).toBeCloseTo(head.medianSecondsToClose!, 3);

    const backlog = await api.stats.backlog({ by: 'channel' });
    const lines = (await csv('view=backlog&by=channel')).text.trim().split('\r\n');
    expect(lines[0]).toBe('channel_code,channel_name,days_0_2,days_3_7,days_8_30,over_30_days,open');
    expect(lines.at(-1)).toBe(
      [
        'all',
        'All',
        backlog.total.days0to2,
        backlog.total.days3to7,
        backlog.total.days8to30,
        backlog.total.over30,
        backlog.total.open,
      ].join(','),
    );
    expect(lines).toHaveLength(backlog.rows.length + 2);

    expect(await csv('view=everything')).toMatchObject({
      status: 400,
      text: expect.stringContaining('view: choose one of'),
    });
    expect(await csv('view=constructor')).toMatchObject({ status: 400 });
    expect(await csv('view=volume&from=2026-02-30')).toMatchObject({
      status: 400,
      text: expect.stringContaining('from: that day does not exist'),
    });
    expect(await csv('view=volume&period=year')).toMatchObject({
      status: 400,
      text: expect.stringContaining('period:'),
    });
  });

  it('keeps the private breakdowns from anonymous callers, in tRPC and CSV', async () => {
    const anonymous = await publicCaller(platform.app);
    await expect(anonymous.stats.throughput({})).rejects.toThrow(/Sign in/);
    await expect(anonymous.stats.overdueTasks({})).rejects.toThrow(/Sign in/);
    const csv = await fetch(`${portal.baseUrl}/stats/export.csv?view=throughput`);
    expect(csv.status).toBe(401);
    const admin = await staffCaller(platform.app, 'admin@springfield.gov', 'springfield-admin');
    const everyone = await admin.stats.overdueTasks({});
    expect(everyone.length).toBeGreaterThan(1);
    const sam = await staffCaller(platform.app, 'sam@springfield.gov');
    expect((await sam.stats.overdueTasks({})).map((r) => r.departmentCode)).toEqual(['streets']);
  });
});
