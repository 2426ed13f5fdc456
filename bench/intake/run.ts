/**
 * Intake end to end: Open311 POSTs into a real API process (workers running), sustained, measured
 * from the POST to the row committed (the 201 answer) and to the workflow started (the run's start
 * time in Temporal), checked afterwards (every accepted request stored once, its outbox row processed,
 * its run `request-<id>` listed by Temporal). Then the two baselines at the same concurrency. Prints
 * a table with the ratios and the targets; writes JSON to bench/results/.
 *
 *   tsx bench/intake/run.ts                          # 120 s, concurrency 32, as fast as it goes
 *   tsx bench/intake/run.ts --seconds 20 --baseline-seconds 10
 *   tsx bench/intake/run.ts --rate 150               # open loop at a fixed rate instead
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { drive, errorCounts, steadyOffsets } from '../load/drive.js';
import { readDemandProfile } from '../load/nyc-profile.js';
import { syntheticRequests } from '../load/synthetic.js';
import { cpuLine } from '../support/cpu-usage.js';
import { writeResult } from '../support/results.js';
import { startScratchPlatform } from '../support/scratch-platform.js';
import { fmt, summarize, table } from '../support/stats.js';
import { checkRuns, checkStoredRequests, endToEndFigures, waitForOutboxDrained } from '../support/verify.js';
import { bareTemporalStarts, plainInserts } from './baselines.js';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '120' },
    'baseline-seconds': { type: 'string', default: '30' },
    concurrency: { type: 'string', default: '32' },
    rate: { type: 'string', default: '0' },
    warmup: { type: 'string', default: '200' },
  },
});
const seconds = Number(args.seconds);
const baselineSeconds = Number(args['baseline-seconds']);
const concurrency = Number(args.concurrency);
const rate = Number(args.rate);
const log = (line: string) => process.stderr.write(`[intake] ${line}\n`);

const platform = await startScratchPlatform({ name: 'intake' });
try {
  const api = platform.apis[0]!;
  const pool = syntheticRequests(readDemandProfile(), {
    count: Math.ceil((rate > 0 ? rate : 400) * seconds) + Number(args.warmup),
    seed: 6,
  });
  const warm = pool.slice(0, Number(args.warmup));
  const measured = pool.slice(warm.length);
  log(`warm-up: ${warm.length} requests`);
  await drive(warm, {
    targets: platform.targets,
    offsetsMs: steadyOffsets(warm.length, 0),
    concurrency: 8,
    channels: 'open311',
    progress: false,
  });
  await waitForOutboxDrained(platform.db, 120_000);

  log(`${seconds} s of Open311 POSTs, concurrency ${concurrency}${rate ? `, ${rate}/s` : ', closed loop'}`);
  const rss: number[] = [];
  const cpu = platform.measureCpu();
  const sampler = setInterval(() => rss.push(api.rssMiB()), 500);
  const run = await drive(measured, {
    targets: platform.targets,
    offsetsMs: steadyOffsets(measured.length, rate),
    concurrency,
    channels: 'open311',
    maxMs: seconds * 1000,
    label: 'intake',
  });
  const pending = await waitForOutboxDrained(platform.db, 300_000);
  const cpuUsage = cpu.stop();
  clearInterval(sampler);
  const accepted = run.sent.filter((s) => s.ok);
  const ids = accepted.map((s) => s.id!);
  log('checking: rows, outbox, Temporal runs');
  const stored = await checkStoredRequests(platform.db, ids);
  const runs = await checkRuns(platform.taskQueue, ids);
  const endToEnd = endToEndFigures(accepted, runs.startedAt, run.startedAt);
  const intakeSeconds = (run.finishedAt - run.startedAt) / 1000;

  log(`baseline (a): bare Temporal starts, ${baselineSeconds} s`);
  const temporal = await bareTemporalStarts(platform.taskQueue, baselineSeconds, concurrency);
  log(`baseline (b): plain PostgreSQL inserts, ${baselineSeconds} s`);
  const inserts = await plainInserts(platform.db, measured, baselineSeconds, concurrency);

  const memory = await apiMemory(api.baseUrl);
  const post = summarize(accepted.map((s) => s.latencyMs));
  const e2e = summarize(endToEnd.latenciesMs);
  const intakeRate = accepted.length / intakeSeconds;
  const e2eRate = endToEnd.perSecond;
  const peakRss = Math.max(...rss, api.peakRssMiB());
  const errors = run.sent.length - accepted.length;
  console.log(
    table(
      ['path', 'ops', 'errors', 'ops/s', 'p50 ms', 'p99 ms', 'max ms'],
      [
        ['Open311 POST → row committed', accepted.length, errors, intakeRate, post.p50, post.p99, post.max],
        [
          'POST → workflow started (end to end)',
          endToEnd.latenciesMs.length,
          pending,
          e2eRate,
          e2e.p50,
          e2e.p99,
          e2e.max,
        ],
        [
          '(a) bare Temporal workflow start',
          temporal.operations,
          temporal.errors,
          temporal.perSecond,
          temporal.latencyMs.p50,
          temporal.latencyMs.p99,
          temporal.latencyMs.max,
        ],
        [
          '(b) plain PostgreSQL inserts (3 rows, 1 tx)',
          inserts.operations,
          inserts.errors,
          inserts.perSecond,
          inserts.latencyMs.p50,
          inserts.latencyMs.p99,
          inserts.latencyMs.max,
        ],
      ],
    ),
  );
  const ratioTemporal = e2eRate / temporal.perSecond;
  const ratioInserts = e2eRate / inserts.perSecond;
  const targets = [
    ['end-to-end throughput ≥ 150 req/s', fmt(e2eRate), e2eRate >= 150],
    ['end-to-end p99 < 300 ms', fmt(e2e.p99), e2e.p99 < 300],
    ['≥ 70 % of bare Temporal start rate', `${fmt(ratioTemporal * 100)} %`, ratioTemporal >= 0.7],
    ['API RSS < 300 MB', `${fmt(peakRss)} MiB peak`, peakRss < 300],
  ] as const;
  console.log('');
  console.log(
    table(
      ['target', 'measured', 'met'],
      targets.map(([t, m, ok]) => [t, m, ok ? 'yes' : 'NO']),
    ),
  );
  console.log(
    `\nAPI memory after the run (MiB): ${Object.entries(memory)
      .map(([k, v]) => `${k} ${fmt(v)}`)
      .join(', ')}`,
  );
  console.log(
    `ratios: end to end ÷ bare Temporal start ${fmt(ratioTemporal)}; ÷ plain inserts ${fmt(ratioInserts)}; ` +
      `stored ${stored.stored}/${stored.accepted} (lost ${stored.lost}), runs listed ${runs.runs} ` +
      `(without a run ${runs.withoutRun}, duplicated ${runs.duplicatedRuns}), outbox retried ${stored.outboxRetried}`,
  );
  const file = writeResult('intake', {
    options: { seconds, baselineSeconds, concurrency, rate, warmup: warm.length },
    intake: {
      accepted: accepted.length,
      errors,
      seconds: intakeSeconds,
      perSecond: intakeRate,
      latencyMs: post,
    },
    endToEnd: {
      started: endToEnd.latenciesMs.length,
      pending,
      seconds: endToEnd.seconds,
      perSecond: e2eRate,
      latencyMs: e2e,
    },
    apiRssMiB: { peak: peakRss, samples: rss.length, last: rss[rss.length - 1] ?? null },
    apiMemoryMiB: memory,
    baselines: { temporalStart: temporal, plainInserts: inserts },
    ratios: { toTemporalStart: ratioTemporal, toPlainInserts: ratioInserts },
    check: { ...stored, runs: runs.runs, withoutRun: runs.withoutRun, duplicatedRuns: runs.duplicatedRuns },
    cpu: cpuUsage,
    errorKinds: errorCounts(run.sent),
    targets: targets.map(([target, measuredValue, met]) => ({ target, measured: measuredValue, met })),
  });
  console.log(cpuLine(cpuUsage, availableParallelism()));
  for (const [error, n] of errorCounts(run.sent)) console.log(`error ×${n}: ${error}`);
  console.log(`results: ${file}`);
} finally {
  await platform.stop();
}

/** Where the API's memory goes, from its own /metrics (prom-client's process and heap gauges), in MiB. */
async function apiMemory(baseUrl: string): Promise<Record<string, number>> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const read = (name: string) =>
    Number(new RegExp(`^${name}(?:\\{[^}]*\\})? ([\\d.e+]+)$`, 'm').exec(text)?.[1] ?? NaN) / 2 ** 20;
  return {
    rss: read('process_resident_memory_bytes'),
    heapUsed: read('nodejs_heap_size_used_bytes'),
    heapTotal: read('nodejs_heap_size_total_bytes'),
    external: read('nodejs_external_memory_bytes'),
  };
}
