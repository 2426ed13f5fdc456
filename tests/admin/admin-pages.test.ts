/**
 * The admin pages in Debian's Chromium over the real platform: an admin signs in, creates a
 * department, a service with two attributes (Open311 lists it at once), binds it to a workflow,
 * creates a staff member (temporary password shown once), creates and revokes an API key, and
 * imports a department pack from a file. Every section is screenshotted at phone and desktop widths
 * into tests/artifacts/screens, and axe-core finds no serious problems on them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Platform } from '../support/platform.js';
import { artifacts, launchChromium, seriousAxeViolations } from '../portal/support/browser.js';
import { servePortal, type PortalServer } from '../portal/support/serve-portal.js';
import { waterPackYaml } from '../packs/water-pack.js';
import { ADMIN } from './admin-test-kit.js';

const screens = join(artifacts, 'screens');
const sections = [
  'departments',
  'staff',
  'roles',
  'services',
  'bindings',
  'api-keys',
  'jurisdiction',
  'audit',
  'packs',
];
let platform: Platform;
let portal: PortalServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function signedInPage(width: number, height: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height } });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${portal.baseUrl}/admin`);
  await page.getByLabel('Work email').fill(ADMIN.email);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('navigation', { name: 'Administration sections' }).waitFor();
  return page;
}

/** Opens a section through its link, as a person would. */
async function open(page: Page, name: string) {
  await page
    .getByRole('navigation', { name: 'Administration sections' })
    .getByRole('link', { name, exact: true })
    .click();
  await page.getByRole('heading', { level: 2, name, exact: true }).waitFor();
}

beforeAll(async () => {
  mkdirSync(screens, { recursive: true });
  platform = await startPlatform('admin-pages');
  portal = await servePortal(platform.app);
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await portal?.stop();
  await platform?.stop();
});

describe('the admin pages', () => {
  let page: Page;

  it('creates a department', async () => {
    page = await signedInPage(1280, 800);
    await page.getByLabel('Code', { exact: true }).fill('water');
    await page.getByLabel('Name', { exact: true }).first().fill('Water and Sewer');
    await page.getByRole('button', { name: 'Add department' }).click();
    await page.getByText('Department Water and Sewer added.').waitFor();
    await page.getByRole('cell', { name: 'water', exact: true }).waitFor();
  });

  it('creates a service with two attributes that Open311 lists at once', async () => {
    await open(page, 'Services');
    await page.getByLabel('Code', { exact: true }).fill('water-leak');
    await page.getByLabel('Name', { exact: true }).fill('Water leak');
    await page.getByLabel('Department').selectOption('water');
    await page.getByLabel('Group').fill('Water');
    await page.getByRole('button', { name: 'Add a question' }).click();
    const first = page.getByRole('group', { name: 'Question 1' });
    await first.getByLabel('Code').fill('size');
    await first.getByLabel('Answer type').selectOption('singlevaluelist');
    await first.getByLabel('Question residents see').fill('How big is the leak?');
    await first.getByLabel('Choices').fill('drip = Dripping\ngush = Gushing');
    await first.getByLabel('An answer is required').check();
    await page.getByRole('button', { name: 'Add a question' }).click();
    const second = page.getByRole('group', { name: 'Question 2' });
    await second.getByLabel('Code').fill('litres');
    await second.getByLabel('Answer type').selectOption('number');
    await second.getByLabel('Question residents see').fill('About how many litres a minute?');

    // A list without choices is refused beside its field first.
    await first.getByLabel('Choices').fill('');
    await page.getByRole('button', { name: 'Save service' }).click();
    await first.getByText(/list its choices under values/).waitFor();
    await first.getByLabel('Choices').fill('drip = Dripping\ngush = Gushing');
    await page.getByRole('button', { name: 'Save service' }).click();
    await page.getByText('Service Water leak saved.').waitFor();

    const services = (await (await fetch(`${platform.baseUrl}/open311/v2/services.json`)).json()) as {
      service_code: string;
    }[];
    expect(services.map((s) => s.service_code)).toContain('water-leak');
    const definition = (await (
      await fetch(`${platform.baseUrl}/open311/v2/services/water-leak.json`)
    ).json()) as {
      attributes: { code: string; datatype: string }[];
    };
    expect(definition.attributes.map((a) => [a.code, a.datatype])).toEqual([
      ['size', 'singlevaluelist'],
      ['litres', 'number'],
    ]);
  });

  it('binds the service to a workflow', async () => {
    await open(page, 'Workflows');
    await page.getByLabel('Water leak').selectOption('parks-maintenance');
    await page.getByText('water-leak now runs parks-maintenance.').waitFor();
    const service = await platform.db.prisma.service.findFirstOrThrow({
      where: { code: 'water-leak' },
      include: { binding: { include: { workflowDefinition: true } } },
    });
    expect(service.binding?.workflowDefinition.slug).toBe('parks-maintenance');
  });

  it('creates a staff member and shows the temporary password once', async () => {
    await open(page, 'Staff');
    await page.getByLabel('Name', { exact: true }).fill('Wendy Water');
    await page.getByLabel('Email', { exact: true }).fill('wendy@springfield.gov');
    await page.getByLabel('Department').selectOption('water');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Account created for wendy@springfield.gov.').waitFor();
    const password = (await page.locator('.secret').textContent())!.trim();
    expect(password).toHaveLength(16);
    await page.getByRole('cell', { name: 'wendy@springfield.gov', exact: true }).waitFor();
  });

  it('creates an API key and revokes it', async () => {
    await open(page, 'API keys');
    await page.getByLabel('Who will use it').fill('FixMyStreet');
    await page.getByRole('button', { name: 'Create key' }).click();
    const key = (await page.locator('.secret').textContent())!.trim();
    expect(key).toMatch(/^cd_/);
    await page.getByRole('button', { name: 'Revoke FixMyStreet' }).click();
    await page.getByText(/^Revoked /).waitFor();
    const row = await platform.db.prisma.apiKey.findFirstOrThrow({ where: { name: 'FixMyStreet' } });
    expect(row.revokedAt).not.toBeNull();
  });

  it('checks and imports a department pack from a file', async () => {
    await open(page, 'Department packs');
    const folder = join(tmpdir(), `civicdesk-admin-pages-${Date.now()}`);
    mkdirSync(folder, { recursive: true });
    const bad = join(folder, 'bad.yaml');
    writeFileSync(bad, waterPackYaml({ thirdRole: 'astronaut' }));
    await page.getByLabel('Pack file (.yaml)').setInputFiles(bad);
    await page.getByRole('button', { name: 'Check' }).click();
    await page.getByText('workflows[2].nodes.fix.assign.role').waitFor();
    await page.screenshot({ path: join(screens, 'admin-packs-problems-desktop.png'), fullPage: true });
    const good = join(folder, 'water.yaml');
    writeFileSync(good, waterPackYaml());
    await page.getByLabel('Pack file (.yaml)').setInputFiles(good);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Pack imported.').waitFor();
    await page.getByText(/workflow sewer-check v1 \(published\)/).waitFor();
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByRole('link', { name: /Download .*\.yaml/ }).waitFor();
    await page.screenshot({ path: join(screens, 'admin-packs-imported-desktop.png'), fullPage: true });
  });

  it(
    'screenshots every section at phone and desktop widths, with no serious axe problems',
    { timeout: 180_000 },
    async () => {
      const phone = await signedInPage(390, 844);
      for (const [width, p] of [
        ['desktop', page],
        ['phone', phone],
      ] as const) {
        for (const section of sections) {
          await p.goto(`${portal.baseUrl}/admin/${section}`);
          await p.locator('section h2').first().waitFor();
          await p.waitForLoadState('networkidle');
          await p.screenshot({ path: join(screens, `admin-${section}-${width}.png`), fullPage: true });
          const violations = await seriousAxeViolations(p);
          expect(
            violations.map(
              (v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
            ),
            `${section} at ${width}`,
          ).toEqual([]);
        }
      }
    },
  );
});
