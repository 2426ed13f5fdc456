// The ground truth for the duplicate measurements, decided from the records alone (never from the
// score): which earlier report is "the same problem at the same place, near in time" as a later one.
import type { Real311Record } from './real311-records.js';

/**
 * Same place: within 75 m. NYC geocodes a report to its building or block face, so reports about one
 * building share a point, and 75 m keeps a neighbouring building on the same block face but not the
 * next block (NYC blocks are ~80 m by 270 m).
 */
export const SAME_PLACE_M = 75;
/** Near in time: the platform's default duplicate window. */
export const SAME_TIME_DAYS = 30;

/** Great-circle distance in metres on the mean Earth radius, as the SQL search computes it. */
export function metresBetween(a: { lat: number; long: number }, b: { lat: number; long: number }): number {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.long - a.long) * rad) / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.sqrt(h));
}

/**
 * `later` duplicates `earlier` when both are in the same city, of the same complaint type (the
 * normalised service), within SAME_PLACE_M of each other, `later` came within SAME_TIME_DAYS after
 * `earlier`, and `earlier` was still open when `later` came in (a closed report is not there to be
 * followed). The descriptor (NYC's subtype, Boston's case title) is deliberately NOT part of the rule:
 * NYC's own HPD closes "APARTMENT ONLY" heat complaints as duplicates of "ENTIRE BUILDING" ones, so
 * different words at one place are often one problem, and the score has to cope with that.
 */
export function isSameProblem(earlier: Real311Record, later: Real311Record): boolean {
  const ageDays = (later.openedAt.getTime() - earlier.openedAt.getTime()) / 86_400_000;
  return (
    earlier.jurisdictionId === later.jurisdictionId &&
    earlier.complaintType === later.complaintType &&
    ageDays >= 0 &&
    ageDays <= SAME_TIME_DAYS &&
    (earlier.closedAt === null || earlier.closedAt > later.openedAt) &&
    metresBetween(earlier, later) <= SAME_PLACE_M
  );
}
