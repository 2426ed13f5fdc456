/**
 * A department's day: 10,000 NYC-shaped requests flow in through the public APIs (Open311 and tRPC
 * intake, by their real channel shares) and run the Springfield example workflows, while simulated
 * clerks — several per department, signed in through tRPC — list, claim and complete tasks until
 * every request has reached an end. Reports the time to drain, tasks completed and requests per state.
 *
 *   tsx bench/department-day/run.ts                         # 10,000 requests, 3 clerks per department
 *   tsx bench/department-day/run.ts --requests 500 --clerks 2
 */
import { parseArgs } from 'node:util';
import { drive, steadyOffsets } from '../load/drive.js';
import { readDemandProfile } from '../load/nyc-profile.js';
import { syntheticRequests } from '../load/synthetic.js';
import { availableParallelism } from 'node:os';
import { CLERK_PASSWORD, clerkEmail } from '../support/bench-city.js';
import { cpuLine } from '../support/cpu-usage.js';
import { progressBar } from '../support/progress.js';
import { writeResult } from '../support/results.js';
import { startScratchPlatform } from '../support/scratch-platform.js';
import { fmt, summarize, table } from '../support/stats.js';
import { signIn } from '../support/trpc-http.js';
import { emptyTally, workQueue, type ClerkTally } from './clerks.js';

const { values: args } = parseArgs({
  options: {
    requests: { type: 'string', default: '10000' },
    clerks: { type: 'string', default: '3' },
    concurrency: { type: 'string', default: '16' },
    rate: { type: 'string', default: '0' },
    'max-minutes': { type: 'string', default: '20' },
    workers: { type: 'string', default: '1' },
  },
});
const count = Number(args.requests);
const clerksPer = Number(args.clerks);
const log = (line: string) => process.stderr.write(`[day] ${line}\n`);

const platform = await startScratchPlatform({
  name: 'day',
  clerksPerDepartment: clerksPer,
  workers: Number(args.workers),
});
try {
  const baseUrl = platform.targets[0]!.baseUrl;
  const departments = (await platform.db.prisma.department.findMany({ select: { code: true } })).map(
    (d) => d.code,
  );
  const requests = syntheticRequests(readDemandProfile(), { count, seed: 2026 });
  const tallies = new Map<string, ClerkTally>(departments.map((d) => [d, emptyTally()]));
  let stop = false;
  let closedCount = 0;
  const done = progressBar('closed', count, { latency: false });
  const clerks = await Promise.all(
    departments.flatMap((department) =>
      Array.from({ length: clerksPer }, async (_, i) => ({
        department,
        i,
        caller: await signIn(baseUrl, clerkEmail(department, i), CLERK_PASSWORD),
      })),
    ),
  );
  log(`${clerks.length} clerks signed in (${clerksPer} in each of ${departments.join(', ')})`);
  const started = Date.now();
  const cpu = platform.measureCpu();
  const working = clerks.map(({ department, i, caller }) =>
    workQueue(caller, department, 1000 * i + department.length, tallies.get(department)!, () => stop),
  );
  // Residents report while the clerks work; the day ends when every accepted request is closed.
  const intake = drive(requests, {
    targets: platform.targets,
    offsetsMs: steadyOffsets(count, Number(args.rate)),
    concurrency: Number(args.concurrency),
    channels: 'real',
    progress: false,
  });
  const deadline = started + Number(args['max-minutes']) * 60_000;
  let intakeResult: Awaited<typeof intake> | null = null;
  void intake.then((r) => (intakeResult = r));
  for (;;) {
    await new Promise((r) => setTimeout(r, 1000));
    const [row] = await platform.db.prisma.$queryRawUnsafe<{ closed: bigint; open: bigint }[]>(
      `SELECT count(*) FILTER (WHERE status = 'closed') AS closed, count(*) FILTER (WHERE status <> 'closed') AS open
       FROM service_requests`,
    );
    const closedNow = Number(row?.closed ?? 0);
    for (; closedCount < closedNow; closedCount += 1) done.done(0, true);
    const result = intakeResult as Awaited<typeof intake> | null;
    if (result && Number(row?.open ?? 0) === 0 && closedNow >= result.sent.filter((s) => s.ok).length) break;
    if (Date.now() > deadline) {
      log(`stopped at --max-minutes ${args['max-minutes']} with ${row?.open} requests still open`);
      break;
    }
  }
  const drainSeconds = (Date.now() - started) / 1000;
  const cpuUsage = cpu.stop();
  stop = true;
  done.finish();
  // A clerk's last "complete" may wait behind a long worker backlog; the figures do not need it.
  await Promise.race([Promise.all(working), new Promise((r) => setTimeout(r, 30_000))]);
  const intakeDone = await intake;
  const accepted = intakeDone.sent.filter((s) => s.ok).length;
  const intakeSeconds = (intakeDone.finishedAt - intakeDone.startedAt) / 1000;

  const states = await platform.db.prisma.$queryRawUnsafe<
    { status: string; extended_status: string; n: bigint }[]
  >(`SELECT status, extended_status, count(*) AS n FROM service_requests GROUP BY 1, 2 ORDER BY 3 DESC`);
  const taskStates = await platform.db.prisma.$queryRawUnsafe<{ status: string; n: bigint }[]>(
    `SELECT status, count(*) AS n FROM tasks GROUP BY 1 ORDER BY 2 DESC`,
  );
  const rows = departments.map((d) => {
    const t = tallies.get(d)!;
    const latency = summarize(t.latenciesMs);
    return [d, clerksPer, t.completed, t.conflicts, t.errors, latency.p50, latency.p99];
  });
  console.log(
    table(
      [
        'department',
        'clerks',
        'tasks completed',
        'claim races lost',
        'errors',
        'claim→done p50 ms',
        'p99 ms',
      ],
      rows,
    ),
  );
  console.log('');
  console.log(
    table(
      ['status', 'extended status', 'requests'],
      states.map((s) => [s.status, s.extended_status, Number(s.n)]),
    ),
  );
  const completed = [...tallies.values()].reduce((n, t) => n + t.completed, 0);
  const open = states.filter((s) => s.status !== 'closed').reduce((n, s) => n + Number(s.n), 0);
  console.log(
    `\n${accepted}/${count} requests accepted in ${fmt(intakeSeconds)} s (${intakeDone.sent.length - accepted} refused); ` +
      `${open === 0 ? 'all closed' : `${open} still open`} after ${fmt(drainSeconds)} s ` +
      `(target for 10,000: < 300 s${count === 10_000 ? `, ${drainSeconds < 300 && open === 0 ? 'met' : 'NOT met'}` : ''}); ` +
      `${completed} tasks completed; tasks by state: ${taskStates.map((t) => `${t.status} ${t.n}`).join(', ')}`,
  );
  for (const [d, t] of tallies) if (t.firstError) console.log(`first error in ${d}: ${t.firstError}`);
  console.log(cpuLine(cpuUsage, availableParallelism()));
  const file = writeResult('department-day', {
    options: {
      requests: count,
      clerksPerDepartment: clerksPer,
      concurrency: Number(args.concurrency),
      rate: Number(args.rate),
      workers: Number(args.workers),
    },
    accepted,
    refused: intakeDone.sent.length - accepted,
    intakeSeconds,
    drainSeconds,
    stillOpen: open,
    tasksCompleted: completed,
    requestsByState: states.map((s) => ({
      status: s.status,
      extendedStatus: s.extended_status,
      n: Number(s.n),
    })),
    tasksByState: taskStates.map((t) => ({ status: t.status, n: Number(t.n) })),
    cpu: cpuUsage,
    departments: Object.fromEntries(
      [...tallies].map(([d, t]) => [d, { ...t, latenciesMs: summarize(t.latenciesMs) }]),
    ),
  });
  console.log(`results: ${file}`);
} finally {
  await platform.stop();
}
