/**
 * Scale-out on one machine: the same sustained Open311 load against 1 API + 1 worker, then against
 * 2 APIs + 2 workers (one PostgreSQL, one Temporal; the client spreads the POSTs over both APIs, as a
 * load balancer would). For the larger topology it checks what must not break when processes share
 * the work: every accepted request stored once, one outbox row each processed once (row leases),
 * exactly one run `request-<id>`, no timeline row written twice. Prints both and the ratio.
 *
 *   tsx bench/scale-out/run.ts                      # 60 s per topology, concurrency 32
 *   tsx bench/scale-out/run.ts --seconds 20
 */
import { parseArgs } from 'node:util';
import { drive, errorCounts, steadyOffsets } from '../load/drive.js';
import { readDemandProfile } from '../load/nyc-profile.js';
import { syntheticRequests } from '../load/synthetic.js';
import { writeResult } from '../support/results.js';
import { startScratchPlatform } from '../support/scratch-platform.js';
import { fmt, summarize, table, type LatencySummary } from '../support/stats.js';
import {
  checkRuns,
  endToEndFigures,
  checkStoredRequests,
  waitForOutboxDrained,
  type IntakeCheck,
  type RunCheck,
} from '../support/verify.js';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    concurrency: { type: 'string', default: '32' },
    rate: { type: 'string', default: '0' },
  },
});
const seconds = Number(args.seconds);
const concurrency = Number(args.concurrency);
const rate = Number(args.rate);
const log = (line: string) => process.stderr.write(`[scale-out] ${line}\n`);

interface TopologyResult {
  topology: string;
  accepted: number;
  errors: number;
  intakePerSecond: number;
  endToEndPerSecond: number;
  postMs: LatencySummary;
  endToEndMs: LatencySummary;
  /** Accepted requests per API process (the spread). */
  perApi: number[];
  peakRssMiB: number[];
  stored: IntakeCheck;
  runs: Omit<RunCheck, 'startedAt'>;
  /** Timeline rows that repeat another row of the same request exactly (must be 0). */
  repeatedTimelineRows: number;
  /** Outbox rows processed by more than one attempt (0 unless a start failed and was retried). */
  outboxAttemptsAboveOne: number;
  /** Refused or failed POSTs by status and message. */
  errorKinds: [string, number][];
}

async function measure(apis: number, workers: number): Promise<TopologyResult> {
  const topology = `${apis} API + ${workers} worker${workers > 1 ? 's' : ''}`;
  const platform = await startScratchPlatform({ name: `scale${apis}x${workers}`, apis, workers });
  try {
    const requests = syntheticRequests(readDemandProfile(), {
      count: Math.ceil((rate > 0 ? rate : 400) * seconds) + 100,
      seed: apis * 10 + workers,
    });
    const warm = requests.slice(0, 100);
    await drive(warm, {
      targets: platform.targets,
      offsetsMs: steadyOffsets(100, 0),
      concurrency: 8,
      channels: 'open311',
      progress: false,
    });
    await waitForOutboxDrained(platform.db, 120_000);
    const run = await drive(requests.slice(100), {
      targets: platform.targets,
      offsetsMs: steadyOffsets(requests.length - 100, rate),
      concurrency,
      channels: 'open311',
      maxMs: seconds * 1000,
      label: topology,
    });
    await waitForOutboxDrained(platform.db, 300_000);
    const accepted = run.sent.filter((s) => s.ok);
    const ids = accepted.map((s) => s.id!);
    if (new Set(ids).size !== ids.length) throw new Error('The API answered the same id for two POSTs');
    log(`${topology}: checking rows, outbox and runs`);
    const allIds = [
      ...ids,
      ...(await platform.db.prisma.serviceRequest.findMany({ select: { id: true } })).map((r) =>
        r.id.toString(),
      ),
    ];
    const stored = await checkStoredRequests(platform.db, ids);
    const runs = await checkRuns(platform.taskQueue, [...new Set(allIds)]);
    const e2e = endToEndFigures(accepted, runs.startedAt, run.startedAt);
    const [repeat] = await platform.db.prisma.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM (SELECT 1 FROM timeline_events
         GROUP BY request_id, kind, summary, coalesce(data::text, ''), coalesce(description, '') HAVING count(*) > 1) d`,
    );
    const [attempts] = await platform.db.prisma.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM outbox_messages WHERE attempts > 1`,
    );
    return {
      topology,
      accepted: accepted.length,
      errors: run.sent.length - accepted.length,
      intakePerSecond: accepted.length / ((run.finishedAt - run.startedAt) / 1000),
      endToEndPerSecond: e2e.perSecond,
      postMs: summarize(accepted.map((s) => s.latencyMs)),
      endToEndMs: summarize(e2e.latenciesMs),
      perApi: platform.apis.map((_, i) => accepted.filter((s) => s.target === i).length),
      peakRssMiB: platform.apis.map((a) => a.peakRssMiB()),
      stored,
      runs: { runs: runs.runs, withoutRun: runs.withoutRun, duplicatedRuns: runs.duplicatedRuns },
      repeatedTimelineRows: Number(repeat?.n ?? 0),
      outboxAttemptsAboveOne: Number(attempts?.n ?? 0),
      errorKinds: errorCounts(run.sent),
    };
  } finally {
    await platform.stop();
  }
}

const one = await measure(1, 1);
const two = await measure(2, 2);
console.log(
  table(
    [
      'topology',
      'accepted',
      'errors',
      'POST/s',
      'end-to-end/s',
      'POST p50',
      'POST p99',
      'e2e p50',
      'e2e p99',
      'per API',
    ],
    [one, two].map((r) => [
      r.topology,
      r.accepted,
      r.errors,
      r.intakePerSecond,
      r.endToEndPerSecond,
      r.postMs.p50,
      r.postMs.p99,
      r.endToEndMs.p50,
      r.endToEndMs.p99,
      r.perApi.join(' + '),
    ]),
  ),
);
console.log('');
console.log(
  table(
    ['check (must be 0)', one.topology, two.topology],
    [
      ['accepted but not stored', one.stored.lost, two.stored.lost],
      ['requests with two outbox rows', one.stored.duplicatedOutbox, two.stored.duplicatedOutbox],
      ['outbox rows not processed', one.stored.outboxPending, two.stored.outboxPending],
      ['outbox rows attempted more than once', one.outboxAttemptsAboveOne, two.outboxAttemptsAboveOne],
      ['requests without a run', one.runs.withoutRun, two.runs.withoutRun],
      ['workflow ids with two runs', one.runs.duplicatedRuns, two.runs.duplicatedRuns],
      ['requests with two "opened" rows', one.stored.duplicatedTimeline, two.stored.duplicatedTimeline],
      ['timeline rows written twice', one.repeatedTimelineRows, two.repeatedTimelineRows],
    ],
  ),
);
for (const r of [one, two])
  for (const [error, n] of r.errorKinds) console.log(`${r.topology}: error ×${n}: ${error}`);
const ratio = two.endToEndPerSecond / one.endToEndPerSecond;
console.log(
  `\nend-to-end throughput, 2+2 ÷ 1+1: ${fmt(ratio)} (both on the same ${process.env.BENCH_NOTE ?? '2-core machine'})`,
);
const file = writeResult('scale-out', { options: { seconds, concurrency, rate }, one, two, ratio });
console.log(`results: ${file}`);
