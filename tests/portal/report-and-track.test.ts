/**
 * The portal in a real browser over the real platform: a resident files a pothole through the form
 * (service search, attributes, typed coordinates, the server's field messages beside the field), lands
 * on the tracking page; a second resident at the same spot is warned of the duplicate; a Streets
 * clerk signs in and completes the task; the tracking page then shows the request closed. axe-core
 * finds no serious or critical problems on the report, track and queue pages.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_KEY, eventually, postForm, startPlatform, type Platform } from '../support/platform.js';
import { staffCaller } from '../support/staff.js';
import { launchChromium, seriousAxeViolations, snapshot } from './support/browser.js';
import { servePortal, type PortalServer } from './support/serve-portal.js';

let platform: Platform;
let portal: PortalServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function openPage(width: number, height = 900): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height } });
  contexts.push(context);
  return context.newPage();
}

/** Chooses the pothole service by searching for it. */
async function choosePothole(page: Page) {
  await page.getByLabel('Search services').fill('pothole');
  await page.getByRole('radio', { name: /Pothole/ }).check();
  await page.getByRole('heading', { name: '2. Details' }).waitFor();
}

beforeAll(async () => {
  platform = await startPlatform('portal-report');
  portal = await servePortal(platform.app);
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await portal?.stop();
  await platform?.stop();
});

describe('the resident portal and the staff queue', () => {
  let trackUrl = '';
  let requestId = '';

  it('files a pothole: server messages beside the field, then the tracking page', async () => {
    const page = await openPage(1280);
    await page.goto(`${portal.baseUrl}/`);
    await choosePothole(page);
    await page.getByRole('radio', { name: 'Road' }).check();
    await page.getByLabel('Latitude').fill('39.7817');
    await page.getByLabel('Longitude').fill('-89.6501');
    await page.getByLabel('Describe the problem').fill('Deep pothole in the right lane');

    // The browser was given no location permission: the resident is told, plainly, what to do instead.
    await page.getByRole('button', { name: 'Use my location' }).click();
    await page.getByText('Your browser did not share your location').waitFor();

    // A photo is uploaded at once (POST /media) and its thumbnail shown.
    const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#777' } })
      .png()
      .toBuffer();
    await page
      .getByLabel('Add a photo')
      .setInputFiles({ name: 'pothole.png', mimeType: 'image/png', buffer: photo });
    const thumbnail = page.getByRole('img', { name: 'The photo you added' });
    await thumbnail.waitFor();
    await expect
      .poll(() => thumbnail.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth))
      .toBeGreaterThan(0);

    // Sent without the required depth: the server's message sits beside that field and gets focus.
    await page.getByRole('button', { name: 'Send report' }).click();
    const depth = page.getByLabel(/About how deep/);
    await expect.poll(() => depth.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await depth.getAttribute('aria-describedby')) ?? '';
    const errorBox = page.locator(`[id="${describedBy.split(' ').find((id) => id.endsWith('-error'))}"]`);
    expect(await errorBox.textContent()).toMatch(/depth_cm|deep|required|answer/i);
    expect(await page.evaluate<string | undefined>('document.activeElement?.id')).toBe(
      await depth.getAttribute('id'),
    );
    expect(await page.locator('.error-summary').textContent()).toBe('Please fix the problem marked below.');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await snapshot(page, 'report-errors-1280');

    await depth.fill('12');
    await page.getByRole('button', { name: 'Send report' }).click();
    await page.waitForURL(/\/track\/\d+\?token=/);
    trackUrl = page.url();
    requestId = /\/track\/(\d+)/.exec(trackUrl)![1]!;
    await page.getByRole('heading', { name: `Request #${requestId}` }).waitFor();
    expect(await page.getByTestId('request-status').textContent()).toBe('Open');
    const filed = page.getByRole('img', { name: 'Photo' });
    await expect
      .poll(() => filed.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth))
      .toBe(64);
    await page.getByRole('heading', { name: 'History' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await snapshot(page, 'track-open-1280');
  });

  it('warns a second resident at the same place, on a phone', async () => {
    const page = await openPage(390, 844);
    await page.goto(`${portal.baseUrl}/`);
    await choosePothole(page);
    await page.getByLabel('Latitude').fill('39.78171');
    await page.getByLabel('Longitude').fill('-89.65012');
    const warning = page.getByRole('region', { name: 'Already reported nearby?' });
    await warning.waitFor({ timeout: 15_000 });
    expect(await warning.textContent()).toContain(`#${requestId}`);
    await warning.getByRole('button', { name: 'Follow this one instead' }).click();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await snapshot(page, 'report-duplicate-390');
    await page.getByLabel(`Your email for updates on #${requestId}`).fill('neighbour@example.org');
    await page.getByRole('button', { name: `Follow #${requestId}` }).click();
    await warning.getByText(`You will get updates on request #${requestId}`).waitFor();
    // The page is usable at phone width: nothing wider than the screen.
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
  });

  it('takes a question in Spanish, by group, keyboard first', async () => {
    const page = await openPage(390, 844);
    await page.goto(`${portal.baseUrl}/`);
    // Once the page is up, the first Tab reaches the skip link, which leads into the main content.
    await page.getByRole('radio').first().waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string | undefined>('document.activeElement?.textContent')).toBe(
      'Skip to main content',
    );
    await page.getByLabel('Language').selectOption('es');
    await page.getByRole('heading', { name: 'Informar un problema o hacer una pregunta' }).waitFor();
    expect(await page.evaluate<string>('document.documentElement.lang')).toBe('es');
    await page.getByLabel('O explore por grupo').selectOption('Questions');
    expect(await page.getByRole('radio').count()).toBe(1);
    await page.getByRole('radio', { name: /Ask the city a question/ }).check();
    await page.getByRole('radio', { name: 'Something else' }).check();
    await page.getByLabel(/Your question/).fill('When is the leaf collection this year?');
    await page.getByLabel('Dirección o punto de referencia').fill('423 E Adams St');
    await page.getByRole('button', { name: 'Enviar informe' }).click();
    await page.waitForURL(/\/track\/\d+\?token=/);
    await page.getByRole('heading', { name: /^Solicitud #\d+$/ }).waitFor();
    expect(await page.getByTestId('request-status').textContent()).toBe('Abierta');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await snapshot(page, 'track-question-es-390');
  });

  it('answers list and date questions: several bins and when they were put out', async () => {
    const page = await openPage(390, 844);
    await page.goto(`${portal.baseUrl}/`);
    await page.getByLabel('Search services').fill('recycling');
    await page.getByRole('radio', { name: /Missed collection/ }).check();
    await page.getByRole('checkbox', { name: 'Trash' }).check();
    await page.getByRole('checkbox', { name: 'Yard waste' }).check();
    await page.getByLabel(/When did you put the bins out/).fill('2026-12-01T06:30');
    await page.getByLabel('Address or landmark').fill('665 E Adams St');
    await snapshot(page, 'report-missed-pickup-390');
    await page.getByRole('button', { name: 'Send report' }).click();
    await page.waitForURL(/\/track\/\d+\?token=/);
    const id = /\/track\/(\d+)/.exec(page.url())![1]!;
    const row = await platform.app.db.serviceRequest.findUniqueOrThrow({ where: { id: BigInt(id) } });
    expect(row.attributes).toMatchObject({ bins: ['trash', 'yard'] });
    expect((row.attributes as { set_out_at: string }).set_out_at).toMatch(
      /^2026-12-01T06:30:00[+-]\d\d:\d\d$/,
    );
  });

  it('the accessibility check itself catches a real problem', async () => {
    const page = await openPage(390);
    await page.setContent('<main><h1>Form</h1><input type="text"></main>');
    expect((await seriousAxeViolations(page)).map((v) => v.id)).toContain('label');
  });

  it('lets a Streets clerk complete the task; the tracking page then shows it closed', async () => {
    const page = await openPage(1280);
    await page.goto(`${portal.baseUrl}/staff`);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByLabel('Work email').fill('sam@springfield.gov');
    await page.getByLabel('Password').fill('springfield-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Signed in as').waitFor();
    // The session lives in an HttpOnly cookie page scripts cannot read; nothing is kept in storage.
    const session = (await page.context().cookies()).find((c) => c.name === 'civicdesk_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(
      await page.evaluate<string[]>('[...Object.keys(sessionStorage), ...Object.keys(localStorage)]'),
    ).not.toContainEqual(expect.stringMatching(/token|session/));

    const task = page.getByRole('article').filter({ hasText: `Request #${requestId}` });
    for (let tries = 0; !(await task.isVisible()); tries++) {
      if (tries > 60) throw new Error('the pothole task never reached the Streets queue');
      await page.waitForTimeout(500);
      await page.getByRole('button', { name: 'Refresh queue' }).click();
    }
    expect(await task.locator('.badge').textContent()).toBe('Due soon');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await snapshot(page, 'queue-1280');
    await page.setViewportSize({ width: 390, height: 844 });
    await snapshot(page, 'queue-390');
    await page.setViewportSize({ width: 1280, height: 900 });

    await task.getByLabel('Notes (optional)').fill('Filled with cold patch.');
    await task.getByRole('button', { name: 'Repaired' }).click();
    await page.getByText(`Task for request #${requestId} completed: Repaired.`).waitFor();

    const resident = await openPage(390, 844);
    await resident.goto(trackUrl);
    await expect
      .poll(
        async () => {
          await resident.reload();
          return resident.getByTestId('request-status').textContent();
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe('Closed');
    await resident.getByText('The pothole has been repaired').first().waitFor();
    expect(await seriousAxeViolations(resident)).toEqual([]);
    await snapshot(resident, 'track-closed-390');
  });

  it('tells a clerk plainly when another clerk completed the task first', async () => {
    const filed = await postForm(platform.baseUrl, '/open311/v2/requests.json', [
      ['api_key', DEMO_API_KEY],
      ['service_code', 'pothole'],
      ['lat', '39.75'],
      ['long', '-89.6'],
      ['attribute[depth_cm]', '15'],
      ['attribute[location_type]', 'road'],
    ]);
    const [{ service_request_id: id }] = (await filed.json()) as [{ service_request_id: string }];
    const sam = await staffCaller(platform.app, 'sam@springfield.gov');
    const taskId = await eventually(async () => {
      const tasks = await sam.queue.list({ department: 'streets' });
      return tasks.find((t) => t.service_request_id === id)?.id;
    }, 'the second pothole task');

    const page = await openPage(1280);
    await page.goto(`${portal.baseUrl}/staff`);
    await page.getByLabel('Work email').fill('sam@springfield.gov');
    await page.getByLabel('Password').fill('springfield-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const task = page.getByRole('article').filter({ hasText: `Request #${id}` });
    await task.waitFor();

    // Another clerk (another tab) completes it first; this one still sees it and clicks.
    await sam.queue.complete({ taskId, outcome: 'not_found' });
    await task.getByRole('button', { name: 'Repaired' }).click();
    await page.getByText('Someone else already completed this task. The queue has been refreshed.').waitFor();
    await task.waitFor({ state: 'detached' });
  });
});
