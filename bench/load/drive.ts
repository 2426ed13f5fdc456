/**
 * Drives load: each request is sent at its planned moment (open loop), with at most `concurrency`
 * in flight; a request whose moment comes while all slots are busy waits for one and counts as late.
 * Targets are used in turn (several API processes behind no balancer: the client spreads the load).
 */
import { progressBar } from '../support/progress.js';
import { send, type ChannelMode, type SendOutcome, type Target } from './send.js';
import type { LoadRequest } from './synthetic.js';

export interface Sent extends SendOutcome {
  seq: number;
  /** Wall-clock time the request was sent (epoch ms). */
  sentAt: number;
  /** Time to the response, in ms. */
  latencyMs: number;
  /** How long after its planned moment it was sent, in ms (a sign the client or server fell behind). */
  lateMs: number;
  target: number;
}

export interface DriveOptions {
  targets: Target[];
  /** Planned send moment of each request, in ms after the start (same order as the requests). */
  offsetsMs: number[];
  concurrency: number;
  channels: ChannelMode;
  label?: string;
  /** Stop sending after this many ms even if requests are left (they are reported as not sent). */
  maxMs?: number;
  /** Draws the progress bar on stderr (default true). */
  progress?: boolean;
}

export interface DriveResult {
  sent: Sent[];
  startedAt: number;
  finishedAt: number;
  notSent: number;
}

/** Sends every request; resolves when all have answered. */
export async function drive(requests: LoadRequest[], options: DriveOptions): Promise<DriveResult> {
  const bar = options.progress === false ? null : progressBar(options.label ?? 'load', requests.length);
  const sent: Sent[] = [];
  const startedAt = Date.now();
  const base = performance.now();
  let inFlight = 0;
  let notSent = 0;
  const waiting: (() => void)[] = [];
  const slot = async () => {
    while (inFlight >= options.concurrency) await new Promise<void>((r) => waiting.push(r));
    inFlight += 1;
  };
  const release = () => {
    inFlight -= 1;
    waiting.shift()?.();
  };
  const pending: Promise<void>[] = [];
  for (let i = 0; i < requests.length; i += 1) {
    const request = requests[i]!;
    const planned = options.offsetsMs[i] ?? 0;
    const elapsed = performance.now() - base;
    if (options.maxMs !== undefined && (planned > options.maxMs || elapsed > options.maxMs)) {
      notSent = requests.length - i;
      break;
    }
    const wait = planned - (performance.now() - base);
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    await slot();
    const target = i % options.targets.length;
    const sentAt = Date.now();
    const t0 = performance.now();
    const lateMs = Math.max(0, t0 - base - planned);
    pending.push(
      send(options.targets[target]!, request, options.channels)
        .catch((error: unknown): SendOutcome => ({ ok: false, status: 0, error: String(error) }))
        .then((outcome) => {
          const latencyMs = performance.now() - t0;
          sent.push({ ...outcome, seq: request.seq, sentAt, latencyMs, lateMs, target });
          bar?.done(latencyMs, outcome.ok);
          release();
        }),
    );
  }
  await Promise.all(pending);
  bar?.finish();
  return { sent, startedAt, finishedAt: Date.now(), notSent };
}

/** Evenly spaced moments at `rate` per second (all at 0 when rate is 0: as fast as slots free up). */
export function steadyOffsets(count: number, rate: number): number[] {
  return Array.from({ length: count }, (_, i) => (rate > 0 ? (i * 1000) / rate : 0));
}

/**
 * Moments that keep the requests' own report times, compressed: `factor` 60 plays an hour in a
 * minute. With `averageRate` instead, the whole span is squeezed so the mean rate is that, busy
 * hours still sending faster than quiet ones.
 */
export function timedOffsets(
  requests: LoadRequest[],
  by: { factor: number } | { averageRate: number },
): number[] {
  if (requests.length === 0) return [];
  const first = requests[0]!.reportedAt.getTime();
  const span = Math.max(1, requests[requests.length - 1]!.reportedAt.getTime() - first);
  const scale = 'factor' in by ? 1 / by.factor : (((requests.length - 1) / by.averageRate) * 1000) / span;
  return requests.map((r) => (r.reportedAt.getTime() - first) * scale);
}

/** Refusals and failures grouped by status and message (first 120 characters), most common first. */
export function errorCounts(sent: Sent[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const s of sent.filter((x) => !x.ok)) {
    const key = `${s.status} ${s.error ?? ''}`.slice(0, 120);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]);
}
