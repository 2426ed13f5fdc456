/** Drives the designer the way a department head does: palette, canvas, panels. Debian's Chromium only. */
import { chromium, type Browser, type Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url));

/** Headless Chromium from /usr/bin; never a downloaded browser. */
export async function launchChromium(): Promise<Browser> {
  mkdirSync(artifacts, { recursive: true });
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** Signs in on the designer's form. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Steps' }).waitFor();
}

/** Adds a step from the palette and gives it `id` in the properties panel. */
export async function addStep(page: Page, paletteLabel: string, id: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: paletteLabel }).click();
  const idField = page.getByLabel('Step id');
  await idField.fill(id);
  await idField.press('Enter');
  await page.locator(`[data-step="${id}"]`).waitFor();
  await page.getByRole('region', { name: `Properties of ${id}` }).waitFor();
}

/** Selects a step on the canvas by clicking it. */
export async function selectStep(page: Page, id: string): Promise<void> {
  await page.locator(`[data-step="${id}"] .title`).click();
  await page.getByRole('tab', { name: 'Properties' }).click();
  await page.getByRole('region', { name: `Properties of ${id}` }).waitFor();
}

/** Draws a wire by dragging from an exit handle to another step's input handle. */
export async function drawWire(page: Page, from: string, exit: string, to: string): Promise<void> {
  const a = (await page.locator(`[data-step="${from}"] [data-exit="${exit}"]`).boundingBox())!;
  const b = (await page.locator(`[data-step="${to}"] .react-flow__handle.in`).boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2 + 30, b.y + b.height / 2 + 10, { steps: 12 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 4 });
  await page.mouse.up();
}

/** Saves a screenshot into tests/artifacts (git-ignored) for a person to look at. */
export async function snapshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${artifacts}${name}.png` });
}

/** Saves a screen of the designer into tests/artifacts/screens (git-ignored), the README's pictures. */
export async function screen(page: Page, name: string): Promise<void> {
  mkdirSync(`${artifacts}screens`, { recursive: true });
  await page.screenshot({ path: `${artifacts}screens/${name}.png` });
}

/** Opens a saved workflow from the toolbar's list and waits for its steps. */
export async function openWorkflow(page: Page, slug: string, firstStep: string): Promise<void> {
  await page.getByLabel('Open workflow').selectOption(slug);
  await page.locator(`[data-step="${firstStep}"]`).waitFor();
}
