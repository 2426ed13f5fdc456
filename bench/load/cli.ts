/**
 * The load generator. Synthetic NYC-shaped requests at any scale, or real records replayed at their
 * own times, posted through the public APIs of a running CivicDesk — or of a scratch one it starts.
 *
 *   tsx bench/load/cli.ts --requests 5000 --rate 100 --concurrency 32            # scratch platform
 *   tsx bench/load/cli.ts --shape day --requests 20000 --rate 150                  # a day's curve
 *   tsx bench/load/cli.ts --replay examples/real311/nyc311-2024-04-1000.csv --speedup 60
 *   tsx bench/load/cli.ts --base-url http://127.0.0.1:3000 --jurisdiction springfield.gov …
 *
 * Prints a summary table; writes JSON to bench/results/.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { fmt, summarize, table } from '../support/stats.js';
import { writeResult } from '../support/results.js';
import { startScratchPlatform, type ScratchPlatform } from '../support/scratch-platform.js';
import { checkStoredRequests, waitForOutboxDrained } from '../support/verify.js';
import { drive, errorCounts, steadyOffsets, timedOffsets } from './drive.js';
import { readDemandProfile } from './nyc-profile.js';
import { replayRequests } from './replay.js';
import type { ChannelMode, Target } from './send.js';
import { syntheticRequests } from './synthetic.js';

const { values: args } = parseArgs({
  options: {
    requests: { type: 'string', default: '1000' },
    rate: { type: 'string', default: '50' },
    concurrency: { type: 'string', default: '32' },
    shape: { type: 'string', default: 'flat' },
    channels: { type: 'string', default: 'real' },
    seed: { type: 'string', default: '311' },
    replay: { type: 'string' },
    speedup: { type: 'string', default: '60' },
    'base-url': { type: 'string', multiple: true },
    jurisdiction: { type: 'string' },
    'api-key': { type: 'string' },
  },
});

const count = Number(args.requests);
const rate = Number(args.rate);
const concurrency = Number(args.concurrency);
const shape = args.shape;
const channels = args.channels as ChannelMode;
if (!['flat', 'day', 'week'].includes(shape)) throw new Error('--shape: use flat, day or week');
if (!['real', 'open311'].includes(channels)) throw new Error('--channels: use real or open311');
if (!(concurrency >= 1)) throw new Error('--concurrency: a whole number ≥ 1');

const requests = args.replay
  ? replayRequests(resolve(args.replay))
  : syntheticRequests(readDemandProfile(), {
      count,
      seed: Number(args.seed),
      span: shape === 'week' ? 'week' : 'day',
    });
const offsets = args.replay
  ? timedOffsets(requests, { factor: Number(args.speedup) })
  : shape === 'flat'
    ? steadyOffsets(requests.length, rate)
    : timedOffsets(requests, { averageRate: rate });

let platform: ScratchPlatform | null = null;
let targets: Target[];
if (args['base-url']?.length) {
  if (!args.jurisdiction || !args['api-key'])
    throw new Error('--base-url needs --jurisdiction and --api-key (the bench city is not loaded there)');
  targets = args['base-url'].map((baseUrl) => ({
    baseUrl,
    jurisdictionId: args.jurisdiction!,
    apiKey: args['api-key']!,
  }));
} else {
  platform = await startScratchPlatform({ name: 'load' });
  targets = platform.targets;
}

try {
  const lastOffset = offsets[offsets.length - 1] ?? 0;
  process.stderr.write(
    `[load] ${requests.length} requests over ~${(lastOffset / 1000).toFixed(0)} s, concurrency ${concurrency}, channels ${channels}\n`,
  );
  const result = await drive(requests, { targets, offsetsMs: offsets, concurrency, channels });
  const ok = result.sent.filter((s) => s.ok);
  const seconds = (result.finishedAt - result.startedAt) / 1000;
  const latency = summarize(ok.map((s) => s.latencyMs));
  const late = summarize(result.sent.map((s) => s.lateMs));
  const errors = errorCounts(result.sent);
  const byChannel = new Map<string, number>();
  for (const r of requests) byChannel.set(r.sourceChannel, (byChannel.get(r.sourceChannel) ?? 0) + 1);
  const check = platform
    ? await (async () => {
        await waitForOutboxDrained(platform.db, 120_000);
        return checkStoredRequests(
          platform.db,
          ok.map((s) => s.id!),
        );
      })()
    : null;
  console.log(
    table(
      ['load', 'sent', 'accepted', 'errors', 'req/s', 'p50 ms', 'p99 ms', 'late p99 ms'],
      [
        [
          args.replay ? `replay ×${args.speedup}` : `synthetic ${shape}`,
          result.sent.length,
          ok.length,
          result.sent.length - ok.length,
          ok.length / seconds,
          latency.p50,
          latency.p99,
          late.p99,
        ],
      ],
    ),
  );
  console.log(`channels (NYC): ${[...byChannel].map(([c, n]) => `${c} ${n}`).join(', ')}`);
  for (const [error, n] of errors) console.log(`error ×${n}: ${error}`);
  if (check)
    console.log(`stored ${check.stored}, lost ${check.lost}, workflows started ${check.outboxProcessed}`);
  const file = writeResult('load', {
    options: { ...args, requests: requests.length },
    seconds,
    acceptedPerSecond: ok.length / seconds,
    latencyMs: latency,
    lateMs: late,
    errors: Object.fromEntries(errors),
    channels: Object.fromEntries(byChannel),
    check,
  });
  console.log(`results: ${file} (${fmt(seconds)} s)`);
} finally {
  await platform?.stop();
}
