/**
 * The designer end to end: a department head signs in, draws a small pothole workflow on an empty
 * canvas, sees what is missing, fixes it, simulates a deep pothole, exports the YAML, and publishes.
 */
import { parseWorkflowYaml, validateWorkflow } from '@civicdesk/schemas';
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_KEY, eventually, postForm, startPlatform, type Platform } from '../support/platform.js';
import { addStep, drawWire, launchChromium, selectStep, signIn, snapshot } from './designer-page.js';
import { serveDesigner, type DesignerServer } from './serve-designer.js';

let platform: Platform;
let designer: DesignerServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  platform = await startPlatform('designer_ui');
  designer = await serveDesigner(platform.app);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, acceptDownloads: true });
  page.on('pageerror', (error) => pageErrors.push(error.stack ?? error.message));
  page.on('console', (message) => message.type() === 'error' && pageErrors.push(message.text()));
});

afterEach(async (context) => {
  if (context.task.result?.state === 'fail')
    await snapshot(page, `designer-failed-${context.task.name.slice(0, 20)}`);
  expect(pageErrors).toEqual([]);
});

const panel = (on: Page) => on.getByRole('region', { name: /^Properties of / });

afterAll(async () => {
  await browser?.close();
  await designer?.stop();
  await platform?.stop();
});

describe('workflow designer in a browser', () => {
  it('builds, validates, simulates, exports and publishes a pothole workflow from an empty canvas', async () => {
    await page.goto(`${designer.baseUrl}/designer/`);
    await signIn(page, 'admin@springfield.gov', 'springfield-admin');

    const workflow = page.getByRole('region', { name: 'Workflow properties' });
    await workflow.getByLabel('Workflow id').fill('pothole-lite');
    await workflow.getByLabel('Workflow id').press('Enter');
    await workflow.getByLabel('Title').fill('Pothole (lite)');
    await workflow.getByRole('checkbox', { name: 'Pothole' }).check();

    const props = panel(page);
    await addStep(page, 'Decision', 'triage');
    await addStep(page, 'Task', 'repair');
    await props.getByLabel('Title').fill('Fill the pothole');
    await props.getByLabel('Department').selectOption('streets');
    await props.getByLabel('Role').selectOption('crew');
    await props.getByLabel('SLA kind').selectOption('business_days');
    await props.getByLabel('SLA', { exact: true }).fill('2');
    await addStep(page, 'End', 'fixed');
    await props.getByLabel('Resolution').fill('fixed');
    await props.getByLabel('Status').selectOption('fixed');
    await addStep(page, 'End', 'too-small');
    await props.getByLabel('Resolution').fill('too_small');

    // The validator explains what is missing, on the steps and in the list.
    const problems = page.getByRole('status').filter({ hasText: 'to fix before publishing' });
    await expect.poll(() => problems.textContent()).toContain("Task 'repair' has no outcomes");
    await expect.poll(() => problems.textContent()).toContain("Decision 'triage' has no default");
    expect(await page.locator('[data-step="repair"] .problem-badge').textContent()).toBe('⚠ 2');
    await snapshot(page, 'designer-1-problems');

    // Fix: a rule on depth, a default drawn on the canvas, an outcome wired from the panel.
    await selectStep(page, 'triage');
    await props.getByLabel('Question').fill('How deep is it?');
    await page.getByRole('button', { name: '+ Add rule' }).click();
    const rule = page.getByRole('group', { name: 'Rule 1' });
    await rule.getByLabel('Name', { exact: true }).fill('Deep enough to fill');
    await rule.getByRole('button', { name: '+ condition' }).click();
    await rule.getByLabel('Fact').selectOption('attributes.depth_cm');
    await rule.getByLabel('Operator').selectOption('greaterThanInclusive');
    await rule.getByLabel('Value').fill('5');
    await rule.getByLabel('then go to').selectOption('repair');
    expect(await rule.getByLabel('Rule in words').textContent()).toBe('When depth ≥ 5 cm');
    await drawWire(page, 'triage', 'default', 'too-small');
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(2);

    await selectStep(page, 'repair');
    await page.getByRole('button', { name: '+ Add outcome' }).click();
    await props.getByLabel('Outcome name').fill('repaired');
    await props.getByLabel('leads to').selectOption('fixed');
    await page.getByRole('status').filter({ hasText: 'No problems' }).waitFor();
    await page.getByRole('button', { name: /Auto-layout/ }).click();
    await page.waitForTimeout(600);
    await snapshot(page, 'designer-2-valid');

    // Simulate a 12 cm pothole: triage → repair → fixed lights up.
    await page.getByRole('tab', { name: 'Simulate' }).click();
    await page.getByRole('region', { name: 'Simulate' }).getByLabel('depth').fill('12');
    await page.getByRole('button', { name: /Run simulation/ }).click();
    const result = page.locator('.sim-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('Closed as fixed');
    expect(
      await page.locator('.step.on-path').evaluateAll((els) => els.map((el) => el.getAttribute('data-step'))),
    ).toEqual(expect.arrayContaining(['triage', 'repair', 'fixed']));
    expect(await page.locator('.step.on-path').count()).toBe(3);
    await snapshot(page, 'designer-3-simulated');

    // Export: the file is the workflow drawn, valid against Springfield's departments.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export YAML' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('pothole-lite.yaml');
    const exported = parseWorkflowYaml(readFileSync((await download.path())!, 'utf8'));
    expect(exported.errors).toEqual([]);
    const definition = exported.definition!;
    expect(definition).toMatchObject({
      workflow: 'pothole-lite',
      services: ['pothole'],
      start: 'triage',
      nodes: {
        triage: {
          type: 'decision',
          default: 'too-small',
          rules: [{ name: 'Deep enough to fill', next: 'repair' }],
        },
        repair: {
          type: 'task',
          assign: { department: 'streets', role: 'crew' },
          sla: { business_days: 2 },
          outcomes: { repaired: 'fixed' },
        },
        fixed: { type: 'end', status: 'fixed' },
      },
    });
    expect(validateWorkflow(definition, { departments: [{ code: 'streets', roles: ['crew'] }] })).toEqual([]);

    // Save and publish: the version is in the database and pothole requests now use it.
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByRole('status').filter({ hasText: 'Published version 1' }).waitFor();
    const stored = await platform.app.db.workflowDefinition.findFirstOrThrow({
      where: { slug: 'pothole-lite' },
      include: { versions: true, bindings: true },
    });
    expect(stored.versions.map((v) => v.version)).toEqual([1]);
    expect(stored.bindings).toHaveLength(1);
  });

  it('keeps the YAML and the canvas in step both ways, showing YAML errors with their line', async () => {
    const yaml = page.getByLabel('Workflow YAML');
    const text = await yaml.inputValue();
    await yaml.fill(text.replace('status: fixed', 'status: mended'));
    const errors = page.getByRole('alert').filter({ hasText: 'nodes.fixed.status' });
    await errors.waitFor();
    expect(await errors.textContent()).toMatch(/^Line \d+: /);
    await yaml.fill(text.replace('title: Fill the pothole', 'title: Fill the hole'));
    await page.locator('[data-step="repair"] .title', { hasText: 'Fill the hole' }).waitFor();
    expect(await page.getByRole('alert').filter({ hasText: 'nodes.fixed.status' }).count()).toBe(0);
    // Comments typed in the YAML survive later canvas edits.
    await yaml.fill(`# Reviewed by Streets\n${await yaml.inputValue()}`);
    await selectStep(page, 'repair');
    await panel(page).getByLabel('Title').fill('Fill the pothole');
    expect(await yaml.inputValue()).toMatch(/^# Reviewed by Streets\n[\s\S]*title: Fill the pothole/);
  });

  it('undoes and redoes canvas edits with the keyboard, and copies steps with Ctrl+C / Ctrl+V', async () => {
    const steps = page.locator('.react-flow__node');
    const before = await steps.count();
    await selectStep(page, 'fixed');
    await page.locator('[data-step="fixed"] .title').click();
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await expect.poll(() => steps.count()).toBe(before + 1);
    await page.locator('[data-step="fixed-2"]').waitFor();
    await page.keyboard.press('Control+z');
    await expect.poll(() => steps.count()).toBe(before);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => steps.count()).toBe(before + 1);
    await page.locator('[data-step="fixed-2"] .title').click();
    await page.keyboard.press('Delete');
    await expect.poll(() => steps.count()).toBe(before);
  });

  it('lists versions, opens v1 read-only, diffs it with an edited draft, shows a live run, restores v1', async () => {
    // Edit the draft: a new title on repair and a new end step.
    await selectStep(page, 'repair');
    await panel(page).getByLabel('Title').fill('Fill the pothole today');
    await addStep(page, 'End', 'cancelled');

    await page.getByRole('tab', { name: 'History' }).click();
    const history = page.getByRole('region', { name: 'Version history' });
    const v1 = history.locator('[data-version="1"]');
    await v1.waitFor();
    const hash = (
      await platform.app.db.workflowVersion.findFirstOrThrow({
        where: { version: 1, workflowDefinition: { slug: 'pothole-lite' } },
      })
    ).hash;
    expect(await v1.textContent()).toContain(hash.slice(0, 8));
    const admin = await platform.app.db.staffMember.findFirstOrThrow({
      where: { email: 'admin@springfield.gov' },
    });
    expect(await v1.textContent()).toContain(admin.name);

    // v1 read-only: the old title, no new step, and the canvas refuses edits.
    await history.getByRole('button', { name: 'Open v1' }).click();
    await page.locator('.canvas.read-only').waitFor();
    await page.locator('[data-step="repair"] .title', { hasText: /^Fill the pothole$/ }).waitFor();
    expect(await page.locator('[data-step="cancelled"]').count()).toBe(0);
    await snapshot(page, 'designer-4-version-1');
    await page.getByRole('button', { name: 'Back to draft' }).click();
    await page.locator('[data-step="cancelled"]').waitFor();

    // Diff v1 → draft: repair changed (amber), cancelled added (green), listed beside the legend.
    await history.getByLabel('From').selectOption('1');
    await history.getByLabel('To').selectOption('draft');
    await history.getByRole('button', { name: 'Show changes' }).click();
    await page.locator('.step.mark-changed[data-step="repair"]').waitFor();
    await page.locator('.step.mark-added[data-step="cancelled"]').waitFor();
    const changes = page.getByRole('list', { name: 'Changes' });
    expect(await changes.textContent()).toContain('+ step cancelled');
    expect(await changes.textContent()).toContain('~ step repair');
    expect(await page.locator('.step[class*="mark-"]').count()).toBe(2);
    await snapshot(page, 'designer-5-diff');
    await page.getByRole('button', { name: 'Back to draft' }).click();

    // A resident reports a deep pothole; the live view shows it waiting at repair with its SLA clock.
    const posted = await postForm(platform.baseUrl, '/open311/v2/requests.json', [
      ['api_key', DEMO_API_KEY],
      ['service_code', 'pothole'],
      ['lat', '39.7817'],
      ['long', '-89.6501'],
      ['description', 'Deep hole'],
      ['attribute[depth_cm]', '12'],
      ['attribute[location_type]', 'road'],
    ]);
    expect(posted.status).toBe(200);
    const [answer] = (await posted.json()) as { service_request_id: string }[];
    const requestId = answer!.service_request_id;
    await eventually(
      async () =>
        (await platform.app.db.task.findFirst({ where: { requestId: BigInt(requestId) } })) ?? undefined,
      'the repair task',
    );
    await page.getByRole('tab', { name: 'Live' }).click();
    const live = page.getByRole('region', { name: 'Live view' });
    await live.getByLabel('Request id').fill(requestId);
    await live.getByRole('button', { name: 'Show run' }).click();
    await page.locator('.step.mark-current[data-step="repair"]').waitFor();
    expect(await page.locator('.step.mark-done[data-step="triage"]').count()).toBe(1);
    expect(await live.locator('[data-task-node="repair"]').textContent()).toMatch(/SLA \d+d \d+h left/);
    await snapshot(page, 'designer-6-live');
    await page.getByRole('button', { name: 'Back to draft' }).click();

    // Restore v1 as the draft: saved on the current revision, the edits gone from canvas and store.
    await page.getByRole('tab', { name: 'History' }).click();
    await history.getByRole('button', { name: 'Restore v1 as draft' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Saved draft revision/ })
      .waitFor();
    await expect.poll(() => page.locator('[data-step="cancelled"]').count()).toBe(0);
    const stored = await platform.app.db.workflowDefinition.findFirstOrThrow({
      where: { slug: 'pothole-lite' },
    });
    expect(stored.draftYaml).not.toContain('cancelled');
    expect(stored.draftYaml).toContain('title: Fill the pothole\n');
  });
});
