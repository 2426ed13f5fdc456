/**
 * The designer at a laptop's 1280x800, through the UI only: Springfield's pothole workflow on the
 * canvas, its rule builder and a simulation; a draft that changes two rules replayed over real past
 * requests (what-if); autosave that survives a reload and refuses to overwrite a colleague's save;
 * the diff and the live view. Each screen is saved to tests/artifacts/screens/designer-*.png.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_KEY, eventually, postForm, startPlatform, type Platform } from '../support/platform.js';
import { staffCaller } from '../support/staff.js';
import { launchChromium, openWorkflow, screen, selectStep, signIn, snapshot } from './designer-page.js';
import { serveDesigner, type DesignerServer } from './serve-designer.js';

let platform: Platform;
let designer: DesignerServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];
const requests: Record<string, string> = {};
const viewport = { width: 1280, height: 800 };

/** Reports a pothole through Open311 and waits until its run has created its first task. */
async function reportPothole(name: string, depth: number, locationType: string): Promise<void> {
  const posted = await postForm(platform.baseUrl, '/open311/v2/requests.json', [
    ['api_key', DEMO_API_KEY],
    ['service_code', 'pothole'],
    ['lat', '39.7817'],
    ['long', '-89.6501'],
    ['description', `${name} pothole`],
    ['attribute[depth_cm]', String(depth)],
    ['attribute[location_type]', locationType],
  ]);
  expect(posted.status).toBe(200);
  const [answer] = (await posted.json()) as { service_request_id: string }[];
  requests[name] = answer!.service_request_id;
  await eventually(
    async () =>
      (await platform.app.db.task.findFirst({ where: { requestId: BigInt(requests[name]!) } })) ?? undefined,
    `the first task of the ${name} pothole`,
  );
}

function watchErrors(on: Page, allowed: RegExp[] = []): void {
  on.on('pageerror', (error) => pageErrors.push(error.stack ?? error.message));
  on.on('console', (message) => {
    if (message.type() === 'error' && !allowed.some((a) => a.test(message.text())))
      pageErrors.push(message.text());
  });
}

beforeAll(async () => {
  platform = await startPlatform('designer_what_if');
  designer = await serveDesigner(platform.app);
  browser = await launchChromium();
  context = await browser.newContext({ viewport });
  page = await context.newPage();
  // The browser logs the refused (409) autosave of the conflict test; everything else is an error.
  watchErrors(page, [/status of 409/]);

  await reportPothole('deep', 12, 'road');
  await reportPothole('medium', 6, 'road');
  await reportPothole('shallow', 3, 'road');
  await reportPothole('park', 4, 'park_path');
  // Streets found the medium one was already reported.
  const sam = await staffCaller(platform.app, 'sam@springfield.gov');
  const inspect = await platform.app.db.task.findFirstOrThrow({
    where: { requestId: BigInt(requests.medium!), nodeId: 'inspect' },
  });
  await sam.queue.complete({ taskId: inspect.id, outcome: 'duplicate' });
  await eventually(async () => {
    const row = await platform.app.db.serviceRequest.findUniqueOrThrow({
      where: { id: BigInt(requests.medium!) },
    });
    return row.status === 'closed' || undefined;
  }, 'the medium pothole closed as a duplicate');
});

afterEach(async (test) => {
  if (test.task.result?.state === 'fail')
    await snapshot(page, `designer-failed-${test.task.name.slice(0, 20)}`);
  expect(pageErrors).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await designer?.stop();
  await platform?.stop();
});

const saveStatus = (on: Page) => on.getByRole('status', { name: 'Save status' });

describe('the designer at 1280x800', () => {
  it('shows a workflow on the canvas, its rule builder, and a simulated path', async () => {
    await page.goto(`${designer.baseUrl}/designer/`);
    await signIn(page, 'admin@springfield.gov', 'springfield-admin');
    await page.getByRole('button', { name: 'Hide YAML' }).click();
    await openWorkflow(page, 'pothole-repair', 'triage');
    await expect.poll(() => saveStatus(page).textContent()).toMatch(/^All changes saved \d\d:\d\d$/);
    expect(await page.locator('.react-flow__node').count()).toBe(10);
    // Springfield's YAML has no positions: lay it out (an edit like any other, saved by itself).
    await page.getByRole('button', { name: /Auto-layout/ }).click();
    await expect
      .poll(
        async () =>
          (await platform.app.db.workflowDefinition.findFirstOrThrow({ where: { slug: 'pothole-repair' } }))
            .draftYaml,
        { timeout: 15_000 },
      )
      .toContain('layout:');
    await page.getByRole('button', { name: /fit view/i }).click();
    await screen(page, 'designer-canvas');

    await selectStep(page, 'triage');
    const rule = page.getByRole('group', { name: 'Rule 2' });
    await rule.scrollIntoViewIfNeeded();
    expect(await rule.getByLabel('Rule in words').textContent()).toMatch(/depth ≥ 10 cm or/);
    await screen(page, 'designer-rule-builder');

    await page.getByRole('tab', { name: 'Simulate' }).click();
    await page.getByRole('region', { name: 'Simulate' }).getByLabel('depth').fill('12');
    await page.getByRole('button', { name: /Run simulation/ }).click();
    expect(await page.locator('.sim-result').textContent()).toContain('Closed as fixed');
    // The path's highlight may render a frame after the result: poll, as a person would look again.
    await expect
      .poll(() =>
        page.locator('.step.on-path').evaluateAll((els) => els.map((el) => el.getAttribute('data-step'))),
      )
      .toEqual(['triage', 'urgent-repair', 'close-fixed']);
    await page.locator('.sim-result').scrollIntoViewIfNeeded();
    await screen(page, 'designer-simulate');
    await page.getByRole('button', { name: 'Clear' }).click();
  });

  it('replays past requests through a draft that changes two rules, against v1 (what-if)', async () => {
    // Through the YAML beside the canvas: deep from 5 cm, and park paths inspected by Streets.
    await page.getByRole('button', { name: 'Show YAML' }).click();
    const yaml = page.getByLabel('Workflow YAML');
    const text = await yaml.inputValue();
    await yaml.fill(
      text.replace('value: 10 }', 'value: 5 }').replace('next: park-path-repair', 'next: inspect'),
    );
    await page.getByRole('button', { name: 'Hide YAML' }).click();

    await page.getByRole('tab', { name: 'What-if' }).click();
    const panel = page.getByRole('region', { name: 'What-if' });
    await panel.getByLabel('Requests to replay').fill('100');
    await panel.getByRole('button', { name: /Replay/ }).click();
    const result = panel.locator('.what-if-result');
    await result.waitFor();
    expect(await result.locator('p').first().textContent()).toMatch(
      /^4 requests of pothole from .* 2 would take another path than on v1\.$/,
    );
    const row = (table: string, key: string) =>
      panel.getByRole('table', { name: table }).locator(`tr[data-key="${key}"] td`).allTextContents();
    expect(await row('Requests by where they end', 'close-fixed')).toEqual(['3', '4', '+1']);
    expect(await row('Requests by where they end', 'close-duplicate')).toEqual(['1', '0', '−1']);
    expect(await row('Tasks by department queue', 'streets')).toEqual(['4', '6', '+2']);
    expect(await row('Tasks by department queue', 'parks')).toEqual(['1', '0', '−1']);
    const changed = panel.getByRole('list', { name: 'Requests that change path' });
    expect(await changed.locator(`[data-request="${requests.medium}"]`).textContent()).toBe(
      `#${requests.medium} after triage: inspect → urgent-repair; ends close-fixed (was close-duplicate)`,
    );
    expect(await changed.locator(`[data-request="${requests.park}"]`).textContent()).toBe(
      `#${requests.park} after triage: park-path-repair → inspect; ends close-fixed`,
    );
    expect(await changed.locator('li').count()).toBe(2);
    // Requests per step on the canvas, with the published count where it differs.
    expect(await page.locator('[data-step="triage"] .count-badge').textContent()).toBe('4');
    expect(await page.locator('[data-step="urgent-repair"] .count-badge').textContent()).toBe('2 (was 1)');
    expect(await page.locator('[data-step="park-path-repair"] .count-badge').textContent()).toBe('0 (was 1)');
    await screen(page, 'designer-what-if');
  });

  it('autosaves edits, keeps them over a reload, and shows a colleague’s save as a conflict', async () => {
    // The YAML edit above saved itself.
    await expect
      .poll(() => saveStatus(page).textContent(), { timeout: 10_000 })
      .toMatch(/^All changes saved/);
    const stored = () =>
      platform.app.db.workflowDefinition.findFirstOrThrow({ where: { slug: 'pothole-repair' } });
    expect((await stored()).draftYaml).toContain('value: 5 }');

    await selectStep(page, 'repair');
    const props = page.getByRole('region', { name: 'Properties of repair' });
    await props.getByLabel('Title').fill('Fill the pothole this week');
    expect(await saveStatus(page).textContent()).toMatch(/^(Unsaved changes…|Saving…)$/);
    await expect
      .poll(() => saveStatus(page).textContent(), { timeout: 10_000 })
      .toMatch(/^All changes saved/);
    await page.reload();
    await page.getByRole('navigation', { name: 'Steps' }).waitFor();
    await page.getByRole('button', { name: 'Hide YAML' }).click();
    await openWorkflow(page, 'pothole-repair', 'repair');
    await page.locator('[data-step="repair"] .title', { hasText: 'Fill the pothole this week' }).waitFor();

    // Hana, head of Streets, opens the same draft in another browser and saves a change first.
    const other = await browser.newContext({ viewport });
    const hanas = await other.newPage();
    watchErrors(hanas);
    await hanas.goto(`${designer.baseUrl}/designer/`);
    await signIn(hanas, 'hana@springfield.gov', 'springfield-demo');
    await openWorkflow(hanas, 'pothole-repair', 'repair');
    await selectStep(hanas, 'repair');
    await hanas
      .getByRole('region', { name: 'Properties of repair' })
      .getByLabel('Title')
      .fill('Hana fills it');
    await expect
      .poll(() => saveStatus(hanas).textContent(), { timeout: 10_000 })
      .toMatch(/^All changes saved/);

    // The admin's next edit is refused, said so, and Hana's save stays.
    await selectStep(page, 'inspect');
    await page
      .getByRole('region', { name: 'Properties of inspect' })
      .getByLabel('Title')
      .fill('Inspect today');
    await expect
      .poll(() => saveStatus(page).textContent(), { timeout: 10_000 })
      .toBe('Not saved: someone else saved this workflow meanwhile');
    expect(await page.locator('.status-line.error').textContent()).toMatch(
      /^Not saved \(conflict\): Someone saved 'pothole-repair' since you opened it \(revision \d+, yours is \d+\)/,
    );
    expect((await stored()).draftYaml).toContain('title: Hana fills it');
    expect((await stored()).draftYaml).not.toContain('Inspect today');
    await screen(page, 'designer-conflict');
    await page.getByRole('button', { name: 'Load their version' }).click();
    await page.locator('[data-step="repair"] .title', { hasText: 'Hana fills it' }).waitFor();
    await expect.poll(() => saveStatus(page).textContent()).toMatch(/^All changes saved/);
    await other.close();
  });

  it('shows the changes since v1 and a request waiting on the live view', async () => {
    await page.getByRole('tab', { name: 'History' }).click();
    const history = page.getByRole('region', { name: 'Version history' });
    await history.getByLabel('From').selectOption('1');
    await history.getByLabel('To').selectOption('draft');
    await history.getByRole('button', { name: 'Show changes' }).click();
    await page.locator('.step.mark-changed[data-step="triage"]').waitFor();
    await page.locator('.step.mark-changed[data-step="repair"]').waitFor();
    await screen(page, 'designer-diff');
    await page.getByRole('button', { name: 'Back to draft' }).click();

    await page.getByRole('tab', { name: 'Live' }).click();
    const live = page.getByRole('region', { name: 'Live view' });
    await live.getByLabel('Request id').fill(requests.shallow!);
    await live.getByRole('button', { name: 'Show run' }).click();
    await page.locator('.step.mark-current[data-step="inspect"]').waitFor();
    expect(await live.locator('[data-task-node="inspect"]').textContent()).toMatch(/SLA \d+d \d+h left/);
    await screen(page, 'designer-live');
  });
});
