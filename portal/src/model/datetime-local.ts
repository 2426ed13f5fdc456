/** Converts between `<input type="datetime-local">` values and ISO 8601 with the browser's offset. */

const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');

/** `2026-12-01T06:30` (local wall time) → `2026-12-01T06:30:00-06:00`; blank stays blank. */
export function localToIsoWithOffset(local: string): string {
  if (!local) return '';
  const date = new Date(local);
  if (Number.isNaN(date.getTime())) return local;
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const seconds = local.length === 16 ? `${local}:00` : local;
  return `${seconds}${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}
