/**
 * Adds an ISO 8601 duration (`P3D`, `PT4H`, `P1DT12H`) to an instant, in UTC calendar terms.
 * Business-day calendars arrive with the engine's SLA work; until then SLAs are calendar time.
 */
const durationPattern =
  /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** Returns `start + duration`; throws on a string that is not an ISO 8601 duration. */
export function addIsoDuration(start: Date, duration: string): Date {
  const m = durationPattern.exec(duration);
  if (!m || duration === 'P' || duration.endsWith('T'))
    throw new Error(`Not an ISO 8601 duration: ${duration}`);
  const [years, months, weeks, days, hours, minutes, seconds] = m
    .slice(1)
    .map((v) => Number(v ?? 0)) as number[];
  const d = new Date(start.getTime());
  d.setUTCFullYear(
    d.getUTCFullYear() + years!,
    d.getUTCMonth() + months!,
    d.getUTCDate() + weeks! * 7 + days!,
  );
  return new Date(d.getTime() + ((hours! * 60 + minutes!) * 60 + seconds!) * 1000);
}
