/**
 * How fast is the duplicate check at intake with a city's worth of history? Fills a scratch database
 * with 1,000,000 synthetic NYC-like requests (synthetic-nyc.ts), then times findDuplicateCandidates
 * over a few hundred checks against a baseline measured in the same run on the same connection: a
 * primary-key lookup of one request. Prints a table, the query plans, and writes JSON to
 * bench/results/. Target: p99 < 30 ms. See bench/README.md.
 *
 *   pnpm exec tsx bench/duplicates/check-latency.ts            (REQUESTS=1000000 CHECKS=300 by default)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createTestDatabase } from '@civicdesk/api';
// Not yet exported from @civicdesk/api's entry point.
import {
  candidateSearchSql,
  findDuplicateCandidates,
  type DuplicateQuery,
} from '../../api/src/duplicates/index.js';
import { fillSyntheticNyc, planFromFrequencies, readFrequencies } from './synthetic-nyc.js';
import { Prisma } from '../../api/src/db/client.js';

const TOTAL = Number(process.env.REQUESTS ?? 1_000_000);
const CHECKS = Number(process.env.CHECKS ?? 300);
const WARMUP = 50;
const TARGET_P99_MS = 30;
const log = (line: string) => console.log(`[bench:duplicates] ${line}`);

type Stats = { n: number; mean: number; p50: number; p95: number; p99: number; max: number };
function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  const mean = sorted.reduce((s, x) => s + x, 0) / sorted.length;
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return {
    n: sorted.length,
    mean: r(mean),
    p50: r(at(0.5)),
    p95: r(at(0.95)),
    p99: r(at(0.99)),
    max: r(at(1)),
  };
}

async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const result = await work();
  return [performance.now() - start, result];
}

const planText = (rows: { 'QUERY PLAN': string }[]) => rows.map((r) => r['QUERY PLAN']).join('\n');

async function main() {
  const startedAt = new Date();
  const load = { start: loadavg(), end: [] as number[] };
  log(`machine: ${cpus().length} cores, load average ${load.start.map((l) => l.toFixed(2)).join(' ')}`);
  const db = await createTestDatabase('bench_duplicates');
  const prisma = db.prisma;
  try {
    const plan = planFromFrequencies(readFrequencies(), TOTAL);
    log(
      `filling ${TOTAL.toLocaleString('en')} requests over ${plan.services.length} services (${db.name}) …`,
    );
    const [fillMs] = await timed(() => fillSyntheticNyc(prisma, plan, log));
    const [counts] = await prisma.$queryRaw<{ total: bigint; open: bigint; located: bigint }[]>`
      SELECT count(*) AS total, count(*) FILTER (WHERE status = 'open') AS open, count(lat) AS located
      FROM service_requests`;
    log(
      `filled in ${(fillMs / 1000).toFixed(1)} s: ${counts?.total} requests, ${counts?.open} open, ${counts?.located} with a location`,
    );

    // Checks: new reports where and when reports come (a random stored request's service and place,
    // moved up to ~30 m, a few days later), so services, boroughs and hotspots keep their shares.
    const seeds = await prisma.$queryRaw<
      { code: string; lat: number; long: number; description: string | null; requested_at: Date }[]
    >`SELECT s.code, r.lat, r.long, r.description, r.requested_at
      FROM service_requests r JOIN services s ON s.id = r.service_id
      WHERE r.lat IS NOT NULL ORDER BY random() LIMIT ${CHECKS + WARMUP}`;
    const checks: DuplicateQuery[] = seeds.map((s) => ({
      jurisdictionId: 'nyc.gov',
      serviceCode: s.code,
      lat: s.lat + (Math.random() - 0.5) * 0.0005,
      long: s.long + (Math.random() - 0.5) * 0.0007,
      description: s.description,
      at: new Date(s.requested_at.getTime() + Math.random() * 3 * 86_400_000),
    }));
    const ids = (
      await prisma.$queryRaw<
        { id: bigint }[]
      >`SELECT id FROM service_requests ORDER BY random() LIMIT ${CHECKS + WARMUP}`
    ).map((r) => r.id);
    const lookup = (id: bigint) => prisma.$queryRaw`SELECT * FROM service_requests WHERE id = ${id}`;

    for (let i = 0; i < WARMUP; i += 1) {
      await lookup(ids[i]!);
      await findDuplicateCandidates(prisma, checks[i]!);
    }
    const baseline: number[] = [];
    const search: number[] = [];
    const found: number[] = [];
    for (let i = WARMUP; i < WARMUP + CHECKS; i += 1) {
      baseline.push((await timed(() => lookup(ids[i]!)))[0]);
      const [ms, candidates] = await timed(() => findDuplicateCandidates(prisma, checks[i]!));
      search.push(ms);
      found.push(candidates.length);
    }

    // The worst place: the busiest real point with the busiest service, today.
    const hotspot = plan.hotspots[0]!;
    const busiest = [...plan.services].sort((a, b) => b.count - a.count)[0]!;
    const worst: DuplicateQuery = {
      jurisdictionId: 'nyc.gov',
      serviceCode: busiest.code,
      lat: hotspot.lat,
      long: hotspot.long,
      description: busiest.descriptors[0] ?? busiest.name,
      at: new Date('2020-12-15T12:00:00Z'),
    };
    const worstTimes: number[] = [];
    for (let i = 0; i < 50; i += 1)
      worstTimes.push((await timed(() => findDuplicateCandidates(prisma, worst)))[0]);

    // Stress: a window of 11 years, so time prunes nothing and every open request of the service in
    // the radius is a candidate (a city that never closes stale requests).
    await prisma.$executeRawUnsafe(`UPDATE services SET duplicate_window_days = 4018`);
    const wideWindow: number[] = [];
    const wideFound: number[] = [];
    for (let i = WARMUP; i < WARMUP + CHECKS; i += 1) {
      const [ms, candidates] = await timed(() => findDuplicateCandidates(prisma, checks[i]!));
      wideWindow.push(ms);
      wideFound.push(candidates.length);
    }
    const wideWorstPlan = planText(
      await prisma.$queryRaw<{ 'QUERY PLAN': string }[]>(
        Prisma.sql`EXPLAIN (ANALYZE, BUFFERS) ${candidateSearchSql(worst)}`,
      ),
    );
    await prisma.$executeRawUnsafe(`UPDATE services SET duplicate_window_days = 30`);

    const explain = (q: DuplicateQuery) =>
      prisma.$queryRaw<{ 'QUERY PLAN': string }[]>(
        Prisma.sql`EXPLAIN (ANALYZE, BUFFERS) ${candidateSearchSql(q)}`,
      );
    const typicalPlan = planText(await explain(checks[WARMUP]!));
    const worstPlan = planText(await explain(worst));

    // Would a trigram index on description help? Build it, and ask the planner again.
    log('building a trigram GIN index on description to see whether the planner would use it …');
    const [ginMs] = await timed(() =>
      prisma.$executeRawUnsafe(
        `CREATE INDEX bench_description_trgm ON service_requests USING gin (description gin_trgm_ops)`,
      ),
    );
    await prisma.$executeRawUnsafe(`ANALYZE service_requests`);
    const withGinPlan = planText(await explain(checks[WARMUP]!));
    const ginUsed = withGinPlan.includes('bench_description_trgm');

    const result = {
      benchmark: 'duplicates/check-latency',
      startedAt: startedAt.toISOString(),
      machine: { cores: cpus().length, loadAverage: { start: load.start, end: loadavg() } },
      data: {
        requests: Number(counts?.total),
        open: Number(counts?.open),
        located: Number(counts?.located),
        services: plan.services.length,
        fillSeconds: Math.round(fillMs / 100) / 10,
      },
      checks: CHECKS,
      baselinePkLookupMs: stats(baseline),
      findDuplicateCandidatesMs: stats(search),
      worstPlaceMs: { ...stats(worstTimes), query: worst },
      elevenYearWindowMs: {
        ...stats(wideWindow),
        candidatesReturned: {
          mean: wideFound.reduce((s, x) => s + x, 0) / wideFound.length,
          max: Math.max(...wideFound),
        },
      },
      ratio: {
        p50: Math.round((stats(search).p50 / stats(baseline).p50) * 10) / 10,
        p99: Math.round((stats(search).p99 / stats(baseline).p99) * 10) / 10,
      },
      candidatesReturned: { mean: found.reduce((s, x) => s + x, 0) / found.length, max: Math.max(...found) },
      targetP99Ms: TARGET_P99_MS,
      meetsTarget: stats(search).p99 < TARGET_P99_MS,
      trigramIndex: { buildSeconds: Math.round(ginMs / 100) / 10, usedByPlanner: ginUsed },
      plans: {
        typical: typicalPlan,
        worstPlace: worstPlan,
        worstPlaceElevenYearWindow: wideWorstPlan,
        withTrigramIndex: withGinPlan,
      },
    };

    console.table({
      'primary-key lookup (baseline)': result.baselinePkLookupMs,
      findDuplicateCandidates: result.findDuplicateCandidatesMs,
      'worst place (busiest point × service)': stats(worstTimes),
      'same checks, 11-year window (stress)': stats(wideWindow),
    });
    log(
      `ratio to baseline: p50 ×${result.ratio.p50}, p99 ×${result.ratio.p99}; candidates per check: mean ${result.candidatesReturned.mean.toFixed(2)}, max ${result.candidatesReturned.max}`,
    );
    log(
      `p99 ${result.findDuplicateCandidatesMs.p99} ms: ${result.meetsTarget ? 'meets' : 'MISSES'} the ${TARGET_P99_MS} ms target`,
    );
    log(`typical plan:\n${typicalPlan}`);
    log(`worst-place plan:\n${worstPlan}`);
    log(`worst-place plan, 11-year window:\n${wideWorstPlan}`);
    log(`trigram-index plan:\n${withGinPlan}`);
    log(`trigram index built in ${result.trigramIndex.buildSeconds} s; used by the planner: ${ginUsed}`);

    const dir = fileURLToPath(new URL('../results/', import.meta.url));
    mkdirSync(dir, { recursive: true });
    const file = `${dir}duplicates-latency-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`;
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    log(`wrote ${file}`);
  } finally {
    await db.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
