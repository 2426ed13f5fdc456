/** Latency summaries: n, mean and percentiles of a list of milliseconds. */
import { performance } from 'node:perf_hooks';

export interface LatencyStats {
  n: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentiles, rounded to microseconds. */
export function latencyStats(samples: number[]): LatencyStats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return {
    n: sorted.length,
    mean: r(sorted.reduce((s, x) => s + x, 0) / sorted.length),
    p50: r(at(0.5)),
    p95: r(at(0.95)),
    p99: r(at(0.99)),
    max: r(at(1)),
  };
}

/** Milliseconds one call of `work` takes, with its result. */
export async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const result = await work();
  return [performance.now() - start, result];
}
