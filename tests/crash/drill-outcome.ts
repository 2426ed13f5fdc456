/**
 * The verdict on a drill: did every accepted request reach the state its path predicts (closed as
 * fixed after one 'Urgent repair' task completed 'repaired'), was anything lost, was anything done twice?
 */
import { inParallel } from './drill-requests.js';
import type { CrashPlatform } from './crash-platform.js';

export interface DrillOutcome {
  drill: string;
  accepted: number;
  /** Closed/fixed, with exactly one completed 'repaired' urgent-repair task and one 'closed' event. */
  expectedState: number;
  /** Accepted but missing: no row, no task, or not closed. */
  lost: number;
  /** Written twice: more than one task for a request and node visit, more than one event of a kind
   *  written once per run ('opened', 'closed'), or a dedupe key used twice. */
  duplicated: number;
  seconds: number;
}

/** Inspects the requests `ids` of `drill` in the database and counts them. */
export async function drillOutcome(
  platform: CrashPlatform,
  drill: string,
  ids: string[],
  startedAt: number,
): Promise<DrillOutcome> {
  const rows = await platform.app.db.serviceRequest.findMany({
    where: { id: { in: ids.map(BigInt) } },
    include: { tasks: true, timeline: true },
  });
  let expectedState = 0;
  let lost = ids.length - rows.length;
  let duplicated = 0;
  const keys: string[] = [];
  for (const row of rows) {
    const visits = new Set(row.tasks.map((t) => `${t.nodeId}#${t.visit}`));
    const once = (kind: string) => row.timeline.filter((e) => e.kind === kind).length;
    keys.push(...row.timeline.flatMap((e) => (e.dedupeKey ? [e.dedupeKey] : [])));
    const twice =
      row.tasks.length > 1 || visits.size < row.tasks.length || once('opened') > 1 || once('closed') > 1;
    if (twice) duplicated += 1;
    const task = row.tasks[0];
    const done =
      row.status === 'closed' &&
      row.extendedStatus === 'fixed' &&
      row.tasks.length === 1 &&
      task?.nodeId === 'urgent-repair' &&
      task.status === 'completed' &&
      task.outcome === 'repaired' &&
      once('closed') === 1;
    if (done) expectedState += 1;
    else if (!twice) lost += 1;
  }
  duplicated += keys.length - new Set(keys).size;
  return {
    drill,
    accepted: ids.length,
    expectedState,
    lost,
    duplicated,
    seconds: Math.round((Date.now() - startedAt) / 100) / 10,
  };
}

/** One line per drill in the test output: the figures the issue asks for. */
export function printOutcome(outcome: DrillOutcome, details: Record<string, number | string> = {}): void {
  const extra = Object.entries(details).map(([k, v]) => ` ${k}=${v}`);
  console.log(
    `[crash drill] ${outcome.drill}: accepted=${outcome.accepted} expected_state=${outcome.expectedState} ` +
      `lost=${outcome.lost} duplicated=${outcome.duplicated} seconds=${outcome.seconds}${extra.join('')}`,
  );
}

/**
 * How many of the runs of `ids` had an activity that needed more than one attempt (read from the
 * Temporal histories): evidence that a drill cut activities off rather than falling between them.
 */
export async function runsWithRetriedActivities(platform: CrashPlatform, ids: string[]): Promise<number> {
  const retried = await inParallel(ids, 8, async (id) => {
    const history = await platform.client.workflow.getHandle(`request-${id}`).fetchHistory();
    return (history.events ?? []).some(
      (e) => (e.activityTaskStartedEventAttributes?.attempt ?? 1) > 1 || localActivityAttempt(e) > 1,
    );
  });
  return retried.filter(Boolean).length;
}

/**
 * The attempt a local activity finished on, from its history marker (store writes run as local
 * activities: their retries show there, not as activity task events); 1 for any other event.
 */
function localActivityAttempt(event: {
  markerRecordedEventAttributes?: {
    markerName?: string | null;
    details?: Record<string, { payloads?: { data?: Uint8Array | null }[] | null }> | null;
  } | null;
}): number {
  const marker = event.markerRecordedEventAttributes;
  if (marker?.markerName !== 'core_local_activity') return 1;
  const data = marker.details?.data?.payloads?.[0]?.data;
  if (!data) return 1;
  const { attempt } = JSON.parse(Buffer.from(data).toString('utf8')) as { attempt?: number };
  return attempt ?? 1;
}
