/**
 * A quick latency check of the queue with 100,000 waiting tasks (not part of the test suite; the
 * formal benchmark lives in bench/queries/). Seeds a scratch database, then walks pages of every
 * sort with common filters through the real tRPC procedures and prints p50 / p99 per scenario.
 *
 *   cd /work/main && set -a; eval "$(bash scripts/services/up.sh)"; set +a
 *   pnpm --filter @civicdesk/tests exec tsx queue/paging-latency.check.ts [count]
 */
import {
  appRouter,
  createCallerFactory,
  createPrismaClient,
  createTestDatabase,
  importCityPack,
  readCityPack,
  type AppContext,
} from '@civicdesk/api';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { seedQueue } from './support/seed-queue.js';

const count = Number(process.argv[2] ?? 100_000);
const only = process.argv[3];
const pagesPerScenario = 30;
// QUEUE_DB_URL reuses a database a previous run kept (KEEP_DB=1) instead of seeding a new one.
const reuse = process.env.QUEUE_DB_URL;
const db = reuse
  ? { url: reuse, prisma: createPrismaClient(reuse), drop: async () => undefined }
  : await createTestDatabase('queue_latency');
try {
  if (!reuse)
    await importCityPack(
      db.prisma,
      readCityPack(fileURLToPath(new URL('../../examples/springfield', import.meta.url))),
    );
  const sam = await db.prisma.staffMember.findFirstOrThrow({
    where: { email: 'sam@springfield.gov' },
    include: { memberships: true },
  });
  let started = performance.now();
  if (!reuse) {
    await seedQueue(db.prisma, { department: 'streets', count, claimedBy: sam.id });
    console.log(`seeded ${count} waiting tasks in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }

  const context = {
    db: db.prisma,
    now: () => new Date(),
    staff: {
      id: sam.id,
      jurisdictionId: sam.jurisdictionId,
      name: sam.name,
      isAdmin: false,
      departmentIds: sam.memberships.map((m) => m.departmentId),
    },
  } as unknown as AppContext & { staff: NonNullable<unknown> };
  const caller = createCallerFactory(appRouter)(context as never);
  type PageInput = Parameters<typeof caller.queue.page>[0];

  const scenarios: [string, PageInput][] = [
    ['due, no filter', { department: 'streets' }],
    ['age, no filter', { department: 'streets', sort: 'age' }],
    ['service, no filter', { department: 'streets', sort: 'service' }],
    ['due, claimed', { department: 'streets', status: 'claimed' }],
    ['due, mine', { department: 'streets', assignee: 'mine' }],
    ['due, unassigned', { department: 'streets', assignee: 'unassigned' }],
    ['due, service pothole', { department: 'streets', service: 'pothole' }],
    ['due, district', { department: 'streets', district: 'district-2' }],
    ['due, overdue', { department: 'streets', sla: 'overdue' }],
    ['due, due soon', { department: 'streets', sla: 'due_soon' }],
    ['due, no due date', { department: 'streets', sla: 'none' }],
    ['age, older than a month', { department: 'streets', sort: 'age', age: 'older' }],
    [
      'service, overdue + district',
      { department: 'streets', sort: 'service', sla: 'overdue', district: 'district-3' },
    ],
    ['due, search "elm"', { department: 'streets', search: 'elm' }],
    ['due, search "broken curb"', { department: 'streets', search: 'broken curb' }],
  ];
  const percentile = (xs: number[], p: number) => {
    const sorted = [...xs].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  };
  // Baseline on the same machine in the same run: the cheapest round trip through the same client.
  const baseline: number[] = [];
  for (let i = 0; i < 100; i++) {
    started = performance.now();
    await db.prisma.$queryRaw`SELECT 1`;
    baseline.push(performance.now() - started);
  }
  console.log(
    `baseline SELECT 1: p50 ${percentile(baseline, 50).toFixed(1)} ms  p99 ${percentile(baseline, 99).toFixed(1)} ms`,
  );
  const all: number[] = [];
  for (const [name, input] of scenarios.filter(([name]) => !only || name.includes(only))) {
    const times: number[] = [];
    let cursor: string | undefined;
    let tasks = 0;
    for (let page = 0; page < pagesPerScenario; page++) {
      started = performance.now();
      const answer = await caller.queue.page({ ...input, limit: 25, ...(cursor ? { cursor } : {}) });
      times.push(performance.now() - started);
      tasks += answer.tasks.length;
      if (!answer.next) break;
      cursor = answer.next;
    }
    all.push(...times);
    console.log(
      `${name.padEnd(32)} pages ${String(times.length).padStart(3)}  tasks ${String(tasks).padStart(4)}  p50 ${percentile(times, 50).toFixed(1).padStart(6)} ms  p99 ${percentile(times, 99).toFixed(1).padStart(6)} ms`,
    );
  }
  // Deep pages cost what the first costs: walk 400 pages of 100 in, then time 20 pages of 25 there.
  let deep: string | undefined;
  for (let skip = 0; skip < 400; skip++) {
    deep =
      (await caller.queue.page({ department: 'streets', limit: 100, ...(deep ? { cursor: deep } : {}) }))
        .next ?? undefined;
    if (!deep) break;
  }
  const deepTimes: number[] = [];
  for (let page = 0; deep && page < 20; page++) {
    started = performance.now();
    deep = (await caller.queue.page({ department: 'streets', limit: 25, cursor: deep })).next ?? undefined;
    deepTimes.push(performance.now() - started);
  }
  all.push(...deepTimes);
  if (deepTimes.length > 0)
    console.log(
      `${'due, after 40,000 tasks'.padEnd(32)} pages ${String(deepTimes.length).padStart(3)}  p50 ${percentile(deepTimes, 50).toFixed(1).padStart(6)} ms  p99 ${percentile(deepTimes, 99).toFixed(1).padStart(6)} ms`,
    );
  console.log(
    `${'all pages'.padEnd(32)} p50 ${percentile(all, 50).toFixed(1)} ms  p99 ${percentile(all, 99).toFixed(1)} ms`,
  );

  for (const [name, call] of [
    ['facets, no filter', () => caller.queue.facets({ department: 'streets' })],
    [
      'facets, overdue + search',
      () => caller.queue.facets({ department: 'streets', sla: 'overdue', search: 'elm' }),
    ],
    ['map, 2000 points', () => caller.queue.map({ department: 'streets' })],
  ] as const) {
    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      started = performance.now();
      await call();
      times.push(performance.now() - started);
    }
    console.log(
      `${name.padEnd(32)} p50 ${percentile(times, 50).toFixed(1)} ms  max ${percentile(times, 100).toFixed(1)} ms`,
    );
  }
} finally {
  if (process.env.KEEP_DB) console.log(`kept ${db.url}`);
  else await db.drop();
}
