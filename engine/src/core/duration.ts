/** ISO 8601 durations as milliseconds, for timers and timeouts. Pure. */

const pattern =
  /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** Milliseconds in `duration` (P3D, PT4H, P1DT12H); a month counts 30 days and a year 365. */
export function durationMs(duration: string): number {
  const match = pattern.exec(duration);
  if (!match || duration === 'P' || duration.endsWith('T')) {
    throw new Error(`"${duration}" is not an ISO 8601 duration such as P3D or PT4H`);
  }
  const [, years, months, weeks, days, hours, minutes, seconds] = match.map((part) => Number(part ?? 0));
  const day = 86_400_000;
  return (
    (years ?? 0) * 365 * day +
    (months ?? 0) * 30 * day +
    (weeks ?? 0) * 7 * day +
    (days ?? 0) * day +
    (hours ?? 0) * 3_600_000 +
    (minutes ?? 0) * 60_000 +
    Math.round((seconds ?? 0) * 1000)
  );
}
