/** Frame-time statistics from requestAnimationFrame deltas. Pure. */

export interface FrameStats {
  frames: number;
  p50: number;
  p95: number;
  max: number;
  /** Share of the 60 Hz frames in the interval that were not painted (0..1). */
  dropped: number;
}

const frameMs = 1000 / 60;

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** p50/p95/max of the deltas, and how many 60 Hz frames the interval should have had but did not paint. */
export function frameStats(deltas: readonly number[]): FrameStats {
  const sorted = [...deltas].sort((a, b) => a - b);
  const total = deltas.reduce((sum, d) => sum + d, 0);
  const expected = Math.max(deltas.length, Math.round(total / frameMs));
  return {
    frames: deltas.length,
    p50: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    max: sorted.at(-1) ?? 0,
    dropped: expected === 0 ? 0 : (expected - deltas.length) / expected,
  };
}
