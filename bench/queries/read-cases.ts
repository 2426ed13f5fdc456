/**
 * The everyday reads the benchmark times, one row each: what is called (through the real tRPC router,
 * the Open311 HTTP app, or the duplicate search the intake runs) and the p99 it must stay under.
 * To measure a new procedure, add a row; dashboard procedures go in DASHBOARD_CASES at the end.
 */
import { findDuplicateCandidates } from '../../api/src/duplicates/index.js';
import type { AppContext } from './api.js';
import type { Caller } from './callers.js';

export type ReadGroup = 'baseline' | 'queue' | 'tracking' | 'duplicates' | 'dashboard';

/** What the cases read from: callers, the HTTP app and samples drawn from the stored data. */
export interface BenchFixtures {
  app: AppContext;
  /** A caller signed in as a clerk of every department, built per call as the HTTP adapter does. */
  staff(): Promise<Caller>;
  /** An anonymous caller (resident or app). */
  anonymous(): Promise<Caller>;
  /** One HTTP GET through the product's Hono app, in process (no socket). */
  get(path: string): Promise<Response>;
  /** Departments with their active (open or claimed) tasks, busiest first. */
  departments: { code: string; active: number }[];
  /** Each department's busiest service (by open requests). */
  busiestServiceOf: Record<string, string>;
  /** A task id `depth` tasks into a department's queue (in queue order) for `status`. */
  taskAt(department: string, statuses: string[], depth: number): Promise<string>;
  /** Random stored requests (id and tracking token). */
  requests: { id: string; token: string }[];
  /** New reports near random open requests: their service, place moved up to ~30 m, words. */
  reports: { serviceCode: string; lat: number; long: number; description: string | null }[];
  /** The benchmark's "now" (end of the stored history). */
  now: Date;
}

export interface ReadCase {
  name: string;
  group: ReadGroup;
  /** The p99 the issue asks for, in ms (none for the baseline). */
  targetP99Ms?: number;
  /** Calls to time (default: CALLS, or DASHBOARD_CALLS for dashboard cases). */
  calls?: number;
  /** Prepares once (e.g. finds a deep page's cursor); answers the call for iteration i. */
  prepare(f: BenchFixtures): Promise<(i: number) => Promise<unknown>>;
}

const pick = <T>(list: T[], i: number): T => list[i % list.length]!;
const ok = async (response: Promise<Response>) => {
  const r = await response;
  if (!r.ok) throw new Error(`HTTP ${r.status}: ${await r.text()}`);
  return r.text();
};
const DAY = 86_400_000;

/** The baseline every case is compared with, timed interleaved with each case. */
export const BASELINE: ReadCase = {
  name: 'primary-key lookup (baseline)',
  group: 'baseline',
  prepare: async (f) => (i) =>
    f.app.db.$queryRaw`SELECT * FROM service_requests WHERE id = ${BigInt(pick(f.requests, i).id)}`,
};

const busiest = (f: BenchFixtures) => f.departments[0]!;

export const QUEUE_CASES: ReadCase[] = [
  {
    name: 'queue.list first page (busiest department, active)',
    group: 'queue',
    targetP99Ms: 50,
    prepare: async (f) => async () => (await f.staff()).queue.list({ department: busiest(f).code }),
  },
  {
    name: 'queue.list first page (each department in turn)',
    group: 'queue',
    targetP99Ms: 50,
    prepare: async (f) => async (i) =>
      (await f.staff()).queue.list({ department: pick(f.departments, i).code }),
  },
  {
    name: 'queue.list deep page (busiest, 20,000 tasks in)',
    group: 'queue',
    targetP99Ms: 50,
    prepare: async (f) => {
      const after = await f.taskAt(
        busiest(f).code,
        ['open', 'claimed'],
        Math.min(20_000, busiest(f).active - 60),
      );
      return async () => (await f.staff()).queue.list({ department: busiest(f).code, after });
    },
  },
  {
    name: "queue.list status 'open', 200 a page",
    group: 'queue',
    targetP99Ms: 50,
    prepare: async (f) => async () =>
      (await f.staff()).queue.list({ department: busiest(f).code, status: 'open', limit: 200 }),
  },
  {
    name: "queue.list status 'claimed'",
    group: 'queue',
    targetP99Ms: 50,
    prepare: async (f) => async () =>
      (await f.staff()).queue.list({ department: busiest(f).code, status: 'claimed' }),
  },
  {
    name: "queue.list status 'completed' (history), deep page",
    group: 'queue',
    targetP99Ms: 50,
    prepare: async (f) => {
      const after = await f.taskAt(busiest(f).code, ['completed'], 100_000);
      return async () =>
        (await f.staff()).queue.list({ department: busiest(f).code, status: 'completed', after });
    },
  },
];

type PageInput = Parameters<Caller['queue']['page']>[0];
/** A queue.page row: the busiest department with `filters`. */
const queuePage = (name: string, filters: (f: BenchFixtures) => Omit<PageInput, 'department'>): ReadCase => ({
  name: `queue.page ${name}`,
  group: 'queue',
  targetP99Ms: 50,
  prepare: async (f) => async () =>
    (await f.staff()).queue.page({ department: busiest(f).code, ...filters(f) }),
});

/** The reworked queue (queue.page keyset pages, queue.facets, queue.map) with the filters it offers. */
export const QUEUE_PAGE_CASES: ReadCase[] = [
  queuePage('first page (busiest department, by due date)', () => ({})),
  queuePage('first page, by age', () => ({ sort: 'age' })),
  queuePage('first page, by service', () => ({ sort: 'service' })),
  queuePage("status 'open', unassigned, 100 a page", () => ({
    status: 'open',
    assignee: 'unassigned',
    limit: 100,
  })),
  queuePage("SLA 'overdue'", () => ({ sla: 'overdue' })),
  queuePage("age 'older'", () => ({ age: 'older' })),
  queuePage('one service', (f) => ({ service: f.busiestServiceOf[busiest(f).code]! })),
  queuePage('search words', () => ({ search: 'loud music' })),
  // Common in the city (35,000 HPD requests), in none of NYPD's: the planner walks the whole queue.
  queuePage('search words found elsewhere only', () => ({ search: 'heat' })),
  queuePage('search a request number', (f) => ({ search: `#${f.requests[0]!.id}` })),
  {
    name: 'queue.page deep page (busiest, 10,000 tasks in by due date)',
    group: 'queue',
    targetP99Ms: 50,
    prepare: async (f) => {
      const staff = await f.staff();
      let cursor: string | undefined;
      for (let page = 0; page < 100; page += 1) {
        const { next } = await staff.queue.page({
          department: busiest(f).code,
          limit: 100,
          ...(cursor ? { cursor } : {}),
        });
        if (!next) break;
        cursor = next;
      }
      return async () =>
        (await f.staff()).queue.page({ department: busiest(f).code, ...(cursor ? { cursor } : {}) });
    },
  },
  {
    name: 'queue.facets (busiest department)',
    group: 'queue',
    targetP99Ms: 50,
    prepare: async (f) => async () => (await f.staff()).queue.facets({ department: busiest(f).code }),
  },
  {
    name: 'queue.map (busiest department, 2,000 points)',
    group: 'queue',
    targetP99Ms: 50,
    prepare: async (f) => async () => (await f.staff()).queue.map({ department: busiest(f).code }),
  },
];

export const TRACKING_CASES: ReadCase[] = [
  {
    name: 'tracking.get (public)',
    group: 'tracking',
    targetP99Ms: 20,
    prepare: async (f) => async (i) =>
      (await f.anonymous()).tracking.get({ service_request_id: pick(f.requests, i).id }),
  },
  {
    name: 'tracking.get with the tracking token',
    group: 'tracking',
    targetP99Ms: 20,
    prepare: async (f) => async (i) => {
      const r = pick(f.requests, i);
      return (await f.anonymous()).tracking.get({ service_request_id: r.id, token: r.token });
    },
  },
  {
    name: 'Open311 GET /requests/{id}.json',
    group: 'tracking',
    targetP99Ms: 20,
    prepare: async (f) => async (i) => ok(f.get(`/open311/v2/requests/${pick(f.requests, i).id}.json`)),
  },
];

export const DUPLICATE_CASES: ReadCase[] = [
  {
    name: 'duplicates.likely (tRPC, as the report form asks)',
    group: 'duplicates',
    targetP99Ms: 30,
    prepare: async (f) => async (i) => {
      const r = pick(f.reports, i);
      return (await f.anonymous()).duplicates.likely({
        service_code: r.serviceCode,
        lat: r.lat,
        long: r.long,
        ...(r.description ? { description: r.description } : {}),
      });
    },
  },
  {
    name: 'findDuplicateCandidates (as intake runs it)',
    group: 'duplicates',
    targetP99Ms: 30,
    prepare: async (f) => async (i) => {
      const r = pick(f.reports, i);
      return findDuplicateCandidates(f.app.db, { jurisdictionId: 'nyc.gov', ...r, at: f.now });
    },
  },
];

/** A local day `YYYY-MM-DD` in New York, `daysBefore` days before the benchmark's "now". */
const nyDay = (now: Date, daysBefore: number) =>
  new Date(now.getTime() - daysBefore * DAY).toLocaleDateString('en-CA', { timeZone: 'America/New_York' });
/** The dashboard page's starting filters: the last 30 days, by day, broken down by service. */
const last30 = (f: BenchFixtures) => ({ from: nyDay(f.now, 30), to: nyDay(f.now, 1) });
const lastYear = (f: BenchFixtures) => ({ from: nyDay(f.now, 365), to: nyDay(f.now, 1) });

type Stats = Caller['stats'];
/** One dashboard row: a stats procedure, who calls it, and its input. */
const dashboard = (
  name: string,
  who: 'anonymous' | 'staff',
  call: (stats: Stats, f: BenchFixtures) => Promise<unknown>,
): ReadCase => ({
  name,
  group: 'dashboard',
  targetP99Ms: 300,
  prepare: async (f) => async () => call((await f[who]()).stats, f),
});

/**
 * Dashboard procedures (api/src/trpc/stats-router.ts): what the dashboard page loads with its
 * starting filters (last 30 days, by service), then heavier choices. Add a row per new procedure.
 */
export const DASHBOARD_CASES: ReadCase[] = [
  dashboard('stats.summary, whole history (1M requests)', 'anonymous', (s) => s.summary({})),
  dashboard('stats.summary, last 30 days', 'anonymous', (s, f) =>
    s.summary({ from: new Date(f.now.getTime() - 30 * DAY).toISOString(), to: f.now.toISOString() }),
  ),
  dashboard('stats.options', 'anonymous', (s) => s.options({})),
  dashboard('stats.headline, last 30 days', 'anonymous', (s, f) => s.headline(last30(f))),
  dashboard('stats.volume, last 30 days by day and service', 'anonymous', (s, f) =>
    s.volume({ ...last30(f), period: 'day', by: 'service' }),
  ),
  dashboard('stats.closeTimes, last 30 days by service', 'anonymous', (s, f) =>
    s.closeTimes({ ...last30(f), by: 'service' }),
  ),
  dashboard('stats.sla, last 30 days by service', 'anonymous', (s, f) =>
    s.sla({ ...last30(f), by: 'service' }),
  ),
  dashboard('stats.backlog, last 30 days by service', 'anonymous', (s, f) =>
    s.backlog({ ...last30(f), by: 'service' }),
  ),
  dashboard('stats.throughput, last 30 days (staff)', 'staff', (s, f) => s.throughput(last30(f))),
  dashboard('stats.overdueTasks, last 30 days (staff)', 'staff', (s, f) => s.overdueTasks(last30(f))),
  dashboard('stats.headline, whole history', 'anonymous', (s) => s.headline({})),
  dashboard('stats.volume, last year by month and department', 'anonymous', (s, f) =>
    s.volume({ ...lastYear(f), period: 'month', by: 'department' }),
  ),
  dashboard('stats.closeTimes, last year by department', 'anonymous', (s, f) =>
    s.closeTimes({ ...lastYear(f), by: 'department' }),
  ),
  dashboard('stats.sla, last year by department', 'anonymous', (s, f) =>
    s.sla({ ...lastYear(f), by: 'department' }),
  ),
  dashboard('stats.backlog, whole history by department', 'anonymous', (s) =>
    s.backlog({ by: 'department' }),
  ),
];

export const READ_CASES: ReadCase[] = [
  ...QUEUE_CASES,
  ...QUEUE_PAGE_CASES,
  ...TRACKING_CASES,
  ...DUPLICATE_CASES,
  ...DASHBOARD_CASES,
];
