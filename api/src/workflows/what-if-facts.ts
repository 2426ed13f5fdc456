/**
 * What a past request tells the what-if replay: the facts its rules would have read at intake (the
 * same fields `requestRunInput` gives a real run, plus the time facts at its requested time) and the
 * outcomes staff actually chose at each task node.
 */
import { timeFacts, type Facts, type TimeFactsCalendar } from '@civicdesk/engine/rules';
import { storedRequestFacts, type FactsSource } from '../requests/stored-request-facts.js';

/** The stored request fields the replay reads; a Prisma `ServiceRequest` row fits. */
export interface StoredRequest extends FactsSource {
  id: bigint | string;
  serviceCode: string;
  requestedAt: Date;
  /** Completed tasks of the request: which outcome staff chose at which node, on which visit. */
  completedTasks: readonly { nodeId: string; visit: number; outcome: string | null }[];
}

/** One request ready to replay: its id, its facts and the outcomes chosen per node and visit. */
export interface ReplayCase {
  id: string;
  facts: Facts;
  /** Outcomes staff chose, by node, indexed by visit − 1 (null where that visit has none). */
  chosen: Record<string, (string | null)[]>;
}

/** The replay case of a stored request; time facts are read at its requested time in the city's calendar. */
export function replayCaseOf(request: StoredRequest, calendar: TimeFactsCalendar): ReplayCase {
  const facts = storedRequestFacts(request.serviceCode, request);
  const chosen: Record<string, (string | null)[]> = {};
  for (const task of request.completedTasks) {
    if (!task.outcome || task.visit < 1) continue;
    const visits = (chosen[task.nodeId] ??= []);
    while (visits.length < task.visit) visits.push(null);
    visits[task.visit - 1] = task.outcome;
  }
  return {
    id: String(request.id),
    facts: { ...facts, ...timeFacts(request.requestedAt.getTime(), calendar) },
    chosen,
  };
}
