/** The queue's SLA states and age buckets, judged at one instant so a whole page agrees. */
import type { AgeBucket, SlaStateName } from './queue-filters.js';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** A task is "due soon" when it falls due within this long (the portal's badge uses the same day). */
export const DUE_SOON_MS = DAY_MS;

/** Where each age bucket starts, counted back from `asOf` (a task younger than a day is 'day'). */
export const AGE_LIMITS_MS: Record<Exclude<AgeBucket, 'older'>, number> = {
  day: DAY_MS,
  week: 7 * DAY_MS,
  month: 30 * DAY_MS,
};

/** overdue / due soon / on time / none (no due date), as of `asOf`. */
export function slaStateAt(dueAt: Date | null, asOf: Date): SlaStateName {
  if (!dueAt) return 'none';
  const left = dueAt.getTime() - asOf.getTime();
  if (left < 0) return 'overdue';
  return left < DUE_SOON_MS ? 'due_soon' : 'on_time';
}

/** The age bucket of a task created at `createdAt`, as of `asOf`. */
export function ageBucketAt(createdAt: Date, asOf: Date): AgeBucket {
  const age = asOf.getTime() - createdAt.getTime();
  if (age < AGE_LIMITS_MS.day) return 'day';
  if (age < AGE_LIMITS_MS.week) return 'week';
  return age < AGE_LIMITS_MS.month ? 'month' : 'older';
}

/** The instant `ms` before `asOf`. */
export const before = (asOf: Date, ms: number) => new Date(asOf.getTime() - ms);
/** The instant `ms` after `asOf`. */
export const after = (asOf: Date, ms: number) => new Date(asOf.getTime() + ms);
