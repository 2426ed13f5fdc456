/** A task's SLA as a person reads it: time left, or how long overdue. */

export type SlaClock = { overdue: boolean; text: string };

/** `2d 4h left` / `overdue by 3h`; null when the task has no due time. */
export function slaClock(dueAt: string | null, now: Date): SlaClock | null {
  if (!dueAt) return null;
  const ms = new Date(dueAt).getTime() - now.getTime();
  const span = humanSpan(Math.abs(ms));
  return ms >= 0 ? { overdue: false, text: `${span} left` } : { overdue: true, text: `overdue by ${span}` };
}

function humanSpan(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return `${days}d ${hours}h`;
  if (hours > 0) return `${hours}h ${minutes % 60}m`;
  return `${minutes}m`;
}
