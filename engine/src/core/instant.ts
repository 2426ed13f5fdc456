/** ISO 8601 instants as epoch milliseconds without `Date` (the core has no clock, and needs none). Pure. */

const pattern = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** Days from 1970-01-01 to the civil date (proleptic Gregorian), after Howard Hinnant's algorithm. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Epoch ms of `2026-12-04T09:00:00Z`, `…+01:00` or a date (midnight UTC); null when it is not one. */
export function instantMs(text: string): number | null {
  const match = pattern.exec(text);
  if (!match) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0', zone = 'Z'] = match;
  const offset =
    zone === 'Z'
      ? 0
      : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  const days = daysFromCivil(Number(y), Number(mo), Number(d));
  const ms = Number(`0.${frac}`) * 1000;
  return ((days * 24 + Number(h)) * 60 + Number(mi) - offset) * 60_000 + Number(s) * 1000 + Math.round(ms);
}
