/**
 * The verdict on a drill's steady load, beyond the accepted requests (drill-outcome.ts counts those):
 * every rejected arrival got an HTTP error with a message and left no request behind, and no
 * arrival was stored twice.
 */
import type { CrashPlatform } from './crash-platform.js';
import type { LoadTally } from './steady-load.js';

export interface LoadOutcome {
  /** Rejections whose body carried no message (the resident would not know what happened). */
  rejectedWithoutMessage: number;
  /** Rejected, yet a request with its description exists: the resident would send it again. */
  rejectedYetStored: number;
  /** Arrivals stored as more than one request. */
  storedTwice: number;
  /** Rejections by HTTP status, e.g. { '500': 12 }. */
  rejectedByStatus: Record<string, number>;
}

/** Checks the load's arrivals against the database. */
export async function loadOutcome(platform: CrashPlatform, tally: LoadTally): Promise<LoadOutcome> {
  const rejectedByStatus: Record<string, number> = {};
  for (const r of tally.rejected) rejectedByStatus[r.status] = (rejectedByStatus[r.status] ?? 0) + 1;
  const descriptions = [...tally.accepted, ...tally.rejected, ...tally.noAnswer].map((a) => a.description);
  const stored = await platform.app.db.serviceRequest.groupBy({
    by: ['description'],
    where: { description: { in: descriptions } },
    _count: { _all: true },
  });
  const count = new Map(stored.map((g) => [g.description, g._count._all]));
  return {
    rejectedWithoutMessage: tally.rejected.filter((r) => !hasMessage(r.message)).length,
    rejectedYetStored: tally.rejected.filter((r) => (count.get(r.description) ?? 0) > 0).length,
    storedTwice: [...count.values()].reduce((n, c) => n + Math.max(0, c - 1), 0),
    rejectedByStatus,
  };
}

/** An Open311 error list (`[{ code, description }]`) or `{ error }` / `{ errors }` with some words in it. */
function hasMessage(body: string): boolean {
  try {
    const parsed = JSON.parse(body) as unknown;
    const texts = Array.isArray(parsed)
      ? parsed.map((e) => (e as { description?: unknown }).description)
      : [
          (parsed as { error?: unknown }).error,
          ...((parsed as { errors?: { message?: unknown }[] }).errors ?? []).map((e) => e.message),
        ];
    return texts.some((t) => typeof t === 'string' && t.trim().length > 0);
  } catch {
    return false;
  }
}

/** The load's figures as `key=value` details for printOutcome. */
export function loadDetails(outcome: LoadOutcome): Record<string, number | string> {
  return {
    rejected_without_message: outcome.rejectedWithoutMessage,
    rejected_yet_stored: outcome.rejectedYetStored,
    stored_twice: outcome.storedTwice,
    rejected_by_status: JSON.stringify(outcome.rejectedByStatus),
  };
}
