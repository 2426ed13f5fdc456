/**
 * How fast are the everyday reads with a big city's history? Opens (or fills once) the kept database
 * `civicdesk_bench_queries` — 1,000,000 requests, 100,000 open tasks (bench-database.ts, seed-city.ts)
 * — then times each read of read-cases.ts through the product's own paths (tRPC createCaller with a
 * per-call context, the Open311 Hono app), interleaved with a primary-key lookup baseline on the same
 * connection. Prints a table and writes JSON to bench/results/. See bench/README.md.
 *
 *   pnpm exec tsx bench/queries/read-latency.ts   (CALLS=300 DASHBOARD_CALLS=100 MAX_CASE_SECONDS=20 ONLY=<text> FRESH=1)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createAppContext, createHttpApp, loadConfig, type AppContext } from './api.js';
import { openBenchDatabase } from './bench-database.js';
import { anonymousCaller, signedIn } from './callers.js';
import { latencyStats, timed, type LatencyStats } from './latency-stats.js';
import { BASELINE, READ_CASES, type BenchFixtures, type ReadCase } from './read-cases.js';
import { BENCH_CLERK, BENCH_NOW, BENCH_PASSWORD, seedCity, seedFigures } from './seed-city.js';

const CALLS = Number(process.env.CALLS ?? 300);
const DASHBOARD_CALLS = Number(process.env.DASHBOARD_CALLS ?? 100);
/** A case stops after this long (with at least 10 calls), so slow queries do not hold the run for hours. */
const MAX_CASE_MS = Number(process.env.MAX_CASE_SECONDS ?? 20) * 1000;
const WARMUP = Number(process.env.WARMUP ?? 10);
const ONLY = process.env.ONLY?.toLowerCase();
const log = (line: string) => console.log(`[bench:queries] ${line}`);

interface CaseResult {
  name: string;
  group: string;
  targetP99Ms: number | null;
  ms: LatencyStats;
  /** The baseline timed interleaved with this case. */
  baselineMs: LatencyStats;
  ratio: { p50: number; p99: number };
  meetsTarget: boolean | null;
  errors: number;
}

/** Samples of the stored data the cases read. */
async function fixtures(app: AppContext): Promise<BenchFixtures> {
  const db = app.db;
  const departments = (
    await db.$queryRaw<{ code: string; active: bigint }[]>`
      SELECT d.code, count(t.id) AS active FROM departments d
      LEFT JOIN tasks t ON t.department_id = d.id AND t.status IN ('open', 'claimed')
      GROUP BY d.code ORDER BY active DESC`
  ).map((d) => ({ code: d.code, active: Number(d.active) }));
  const requests = (
    await db.$queryRaw<{ id: bigint; token: string }[]>`
      SELECT id, token::text FROM service_requests TABLESAMPLE SYSTEM (1) ORDER BY random() LIMIT 1000`
  ).map((r) => ({ id: r.id.toString(), token: r.token }));
  const seeds = await db.$queryRaw<{ code: string; lat: number; long: number; description: string | null }[]>`
    SELECT s.code, r.lat, r.long, r.description FROM service_requests r JOIN services s ON s.id = r.service_id
    WHERE r.status = 'open' AND r.lat IS NOT NULL ORDER BY random() LIMIT 1000`;
  const reports = seeds.map((s) => ({
    serviceCode: s.code,
    lat: s.lat + (Math.random() - 0.5) * 0.0005,
    long: s.long + (Math.random() - 0.5) * 0.0007,
    description: s.description,
  }));
  const busiestServices = await db.$queryRaw<{ department: string; service: string }[]>`
    SELECT DISTINCT ON (d.code) d.code AS department, s.code AS service
    FROM service_requests r JOIN services s ON s.id = r.service_id JOIN departments d ON d.id = r.department_id
    WHERE r.status = 'open' GROUP BY d.code, s.code ORDER BY d.code, count(*) DESC`;
  const http = createHttpApp(app);
  return {
    app,
    staff: await signedIn(app, BENCH_CLERK, BENCH_PASSWORD),
    anonymous: () => anonymousCaller(app),
    get: async (path) => http.fetch(new Request(`http://bench.local${path}`)),
    departments,
    busiestServiceOf: Object.fromEntries(busiestServices.map((b) => [b.department, b.service])),
    async taskAt(department, statuses, depth) {
      const [row] = await db.$queryRaw<{ id: string }[]>`
        SELECT t.id::text FROM tasks t JOIN departments d ON d.id = t.department_id
        WHERE d.code = ${department} AND t.status = ANY(${statuses})
        ORDER BY t.created_at, t.id OFFSET ${depth} LIMIT 1`;
      if (!row) throw new Error(`${department} has fewer than ${depth} ${statuses.join('/')} tasks`);
      return row.id;
    },
    requests,
    reports,
    now: BENCH_NOW,
  };
}

/** Times one case interleaved with the baseline: baseline, case, baseline, case, … */
async function measure(c: ReadCase, f: BenchFixtures): Promise<CaseResult> {
  const run = await c.prepare(f);
  const baseline = await BASELINE.prepare(f);
  const calls = c.calls ?? (c.group === 'dashboard' ? DASHBOARD_CALLS : CALLS);
  const warmup = c.group === 'dashboard' ? Math.min(WARMUP, 3) : WARMUP;
  for (let i = 0; i < warmup; i += 1) await Promise.all([baseline(i), run(i)].map((p) => p.catch(() => 0)));
  const caseMs: number[] = [];
  const baseMs: number[] = [];
  let errors = 0;
  const deadline = Date.now() + MAX_CASE_MS;
  for (let i = 0; i < calls && (i < 10 || Date.now() < deadline); i += 1) {
    baseMs.push((await timed(() => baseline(i + warmup)))[0]);
    const [ms] = await timed(() =>
      run(i + warmup).catch((error: unknown) => {
        errors += 1;
        if (errors === 1) log(`${c.name}: ${String(error)}`);
      }),
    );
    caseMs.push(ms);
  }
  const ms = latencyStats(caseMs);
  const baselineMs = latencyStats(baseMs);
  const r = (x: number) => Math.round(x * 10) / 10;
  return {
    name: c.name,
    group: c.group,
    targetP99Ms: c.targetP99Ms ?? null,
    ms,
    baselineMs,
    ratio: { p50: r(ms.p50 / baselineMs.p50), p99: r(ms.p99 / baselineMs.p99) },
    meetsTarget: c.targetP99Ms === undefined ? null : errors === 0 && ms.p99 < c.targetP99Ms,
    errors,
  };
}

async function main() {
  const startedAt = new Date();
  const loadStart = loadavg();
  log(`machine: ${cpus().length} cores, load average ${loadStart.map((l) => l.toFixed(2)).join(' ')}`);
  const bench = await openBenchDatabase(process.env.FRESH === '1');
  if (bench.applied.length) log(`applied migrations: ${bench.applied.join(', ')}`);
  if (bench.created) {
    log('filling the benchmark database once (about 8 minutes on a busy 2-core machine) …');
    await seedCity(
      bench.prisma,
      { requests: Number(process.env.REQUESTS ?? 1_000_000), openTasks: 100_000 },
      log,
    );
  }
  const seeded = await seedFigures(bench.prisma);
  await bench.prisma.$disconnect();
  log(
    `data: ${seeded.requests.toLocaleString('en')} requests, ${seeded.activeTasks.toLocaleString('en')} active tasks (${seeded.overdueTasks.toLocaleString('en')} overdue), ${seeded.completedTasks.toLocaleString('en')} completed, ${seeded.timelineEvents.toLocaleString('en')} timeline events, ${seeded.departments} departments`,
  );

  const context = await createAppContext(loadConfig({ ...process.env, DATABASE_URL: bench.url }));
  // The stored history ends at BENCH_NOW; reads that depend on "now" (duplicate windows) see it as today.
  const app: AppContext = { ...context, now: () => BENCH_NOW };
  try {
    const f = await fixtures(app);
    log(`departments by active tasks: ${f.departments.map((d) => `${d.code} ${d.active}`).join(', ')}`);
    const cases = READ_CASES.filter((c) => !ONLY || c.name.toLowerCase().includes(ONLY));
    const results: CaseResult[] = [];
    for (const c of cases) {
      log(`timing ${c.name} …`);
      results.push(await measure(c, f));
    }
    const row = (r: CaseResult) => ({
      n: r.ms.n,
      p50: r.ms.p50,
      p95: r.ms.p95,
      p99: r.ms.p99,
      max: r.ms.max,
      'base p50': r.baselineMs.p50,
      'base p99': r.baselineMs.p99,
      'p99 ×base': r.ratio.p99,
      target: r.targetP99Ms === null ? '' : `< ${r.targetP99Ms}`,
      ok: r.meetsTarget === null ? '' : r.meetsTarget ? 'yes' : r.errors ? `ERR ${r.errors}` : 'MISS',
    });
    console.table(Object.fromEntries(results.map((r) => [r.name, row(r)])));

    const result = {
      benchmark: 'queries/read-latency',
      startedAt: startedAt.toISOString(),
      machine: { cores: cpus().length, loadAverage: { start: loadStart, end: loadavg() } },
      data: seeded,
      calls: { default: CALLS, dashboard: DASHBOARD_CALLS, warmup: WARMUP },
      migrationsApplied: bench.applied,
      results,
    };
    const dir = fileURLToPath(new URL('../results/', import.meta.url));
    mkdirSync(dir, { recursive: true });
    const file = `${dir}queries-latency-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`;
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    log(`wrote ${file}`);
    const missed = results.filter((r) => r.meetsTarget === false);
    log(missed.length ? `MISSED: ${missed.map((r) => r.name).join('; ')}` : 'every target met');
  } finally {
    await context.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
