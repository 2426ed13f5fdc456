/**
 * Designer canvas benchmark (issue #5: "a canvas with 300 nodes stays responsive"). In Debian's
 * Chromium, the real designer build served by the real API: import a generated workflow, time until
 * every step is drawn, time the elkjs auto-layout (cold, with its chunk loading, and warm after an
 * undo), then drag one step across the canvas for ~2 s while the page records requestAnimationFrame
 * deltas. The 20-step baseline runs in the same process, same browser, same minute.
 *
 *   pnpm exec tsx bench/designer/canvas-frames.ts      # SIZES=20,300 DRAG_MS=2000
 */
import { chromium, type Page } from 'playwright-core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { frameStats, type FrameStats } from './frame-stats.js';
import { generateWorkflowYaml } from './generate-workflow.js';
import {
  startFrames,
  stepNearestCentre,
  stopFrames,
  timeAutoLayout,
  timeImportRender,
} from './page-probes.js';
import { serveBuiltDesigner } from './serve-built-designer.js';

const sizes = (process.env.SIZES ?? '20,300').split(',').map(Number);
const dragMs = Number(process.env.DRAG_MS ?? 2000);
const results = fileURLToPath(new URL('../results/', import.meta.url));

interface SizeResult {
  nodes: number;
  renderMs: number;
  /** Steps in the DOM when drawn (big graphs mount only those in view). */
  mounted: number;
  layoutColdMs: number;
  layoutWarmMs: number;
  drag: FrameStats;
  idle: FrameStats;
}

async function signIn(page: Page, baseUrl: string): Promise<void> {
  // tsx compiles with esbuild's keepNames, which wraps the probes' inner functions in `__name(...)`;
  // the page has no such helper, so give it one that does nothing.
  await page.addInitScript('window.__name = (fn) => fn');
  await page.goto(`${baseUrl}/designer/`);
  await page.getByLabel('Email').fill('admin@springfield.gov');
  await page.getByLabel('Password').fill('springfield-admin');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Steps' }).waitFor();
  await page.getByRole('button', { name: 'Hide YAML' }).click();
}

/** Frames while nothing happens: what the machine gives an idle page, the floor for the drag figures. */
async function idleFrames(page: Page): Promise<FrameStats> {
  await page.evaluate(startFrames);
  await page.waitForTimeout(1000);
  return frameStats(await page.evaluate(stopFrames));
}

/** Drags one step ~600 px right and ~200 px down over `dragMs`, one mouse move per ~16 ms. */
async function dragFrames(page: Page, step: string): Promise<FrameStats> {
  const box = (await page.locator(`[data-step="${step}"] header`).boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.evaluate(startFrames);
  const started = Date.now();
  for (let i = 1; Date.now() - started < dragMs; i++) {
    const t = Math.min(1, (Date.now() - started) / dragMs);
    await page.mouse.move(x + 600 * t, y + 200 * Math.sin(Math.PI * t) + (i % 2));
    await page.waitForTimeout(16);
  }
  const deltas = await page.evaluate(stopFrames);
  await page.mouse.up();
  return frameStats(deltas);
}

const step = (what: string) => console.error(`[bench/designer] ${what}`);

/** Fails a phase that hangs instead of waiting for ever (a probe that never sees its event). */
function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  return Promise.race([
    work,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms)),
  ]);
}

async function measure(page: Page, nodes: number): Promise<SizeResult> {
  step(`${nodes} steps: import`);
  const yaml = generateWorkflowYaml(nodes);
  const rendered = page.evaluate(timeImportRender, nodes);
  await page.locator('input[type=file]').setInputFiles({
    name: `bench-${nodes}.yaml`,
    mimeType: 'text/yaml',
    buffer: Buffer.from(yaml),
  });
  const { ms: renderMs, mounted } = await within(120_000, 'drawing the imported steps', rendered);
  step(`${nodes} steps: drawn in ${renderMs.toFixed(0)} ms; auto-layout`);
  await page.waitForTimeout(500);
  const layoutColdMs = await within(180_000, 'cold auto-layout', page.evaluate(timeAutoLayout));
  await page.waitForTimeout(800);
  await page.keyboard.press('Control+z');
  await page.waitForTimeout(800);
  const layoutWarmMs = await within(180_000, 'warm auto-layout', page.evaluate(timeAutoLayout));
  step(`${nodes} steps: laid out in ${layoutColdMs.toFixed(0)} / ${layoutWarmMs.toFixed(0)} ms; drag`);
  await page.waitForTimeout(800);
  const idle = await idleFrames(page);
  const drag = await dragFrames(page, await page.evaluate(stepNearestCentre));
  return { nodes: drawnSteps(nodes), renderMs, mounted, layoutColdMs, layoutWarmMs, drag, idle };
}

/** The generator rounds to 4 + 4k steps; report what was drawn. */
function drawnSteps(requested: number): number {
  return 4 + 4 * Math.max(1, Math.round((requested - 4) / 4));
}

const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));

async function main(): Promise<void> {
  const designer = await serveBuiltDesigner();
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const measured: SizeResult[] = [];
  try {
    for (const nodes of sizes) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
      await signIn(page, designer.baseUrl);
      measured.push(await measure(page, nodes));
      await page.close();
    }
  } finally {
    await browser.close();
    await designer.stop();
  }

  const rows = measured.map((r) => [
    String(r.nodes),
    `${fmt(r.renderMs)} (${r.mounted})`,
    fmt(r.layoutColdMs),
    fmt(r.layoutWarmMs),
    fmt(r.drag.p50),
    fmt(r.drag.p95),
    fmt(r.drag.max),
    `${(r.drag.dropped * 100).toFixed(0)} %`,
    `${fmt(r.idle.p50)}/${fmt(r.idle.p95)}`,
  ]);
  const head = [
    'steps',
    'render ms (mounted)',
    'layout cold',
    'layout warm',
    'drag p50',
    'drag p95',
    'drag max',
    'dropped',
    'idle p50/p95',
  ];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padStart(widths[i]!)).join(' | ')} |`;
  console.log(
    `\nDesigner canvas in Chromium (1280x800), drag ${dragMs} ms; load ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`,
  );
  console.log(line(head));
  console.log(`|${widths.map((w) => '-'.repeat(w + 1) + ':').join('|')}|`);
  for (const row of rows) console.log(line(row));

  mkdirSync(results, { recursive: true });
  const file = `${results}designer-canvas-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  writeFileSync(
    file,
    `${JSON.stringify({ at: new Date().toISOString(), label: process.env.LABEL ?? null, dragMs, loadavg: loadavg(), cores: cpus().length, results: measured }, null, 2)}\n`,
  );
  console.log(`\nwritten ${file}`);
}

await main();
