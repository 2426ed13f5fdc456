/**
 * Simulated staff: each clerk signs in and works their department's queue through the real tRPC API
 * as the portal does — a page of the open, unassigned tasks (`queue.page`, by due date), claim one (a race lost to a colleague is a CONFLICT and
 * they move on), complete it with one of its outcomes — until told to stop.
 */
import { seededRandom } from '../load/nyc-profile.js';
import { TrpcCallError, type TrpcHttp } from '../support/trpc-http.js';

interface QueueTask {
  id: string;
  kind: string;
  version: number;
  outcomes: string[];
  service_code: string;
}

export interface ClerkTally {
  completed: number;
  /** Claims lost to a colleague (CONFLICT), each followed by another pick. */
  conflicts: number;
  /** Other failures (an error that is not a lost race), with their first message. */
  errors: number;
  firstError: string | null;
  /** Completions per outcome. */
  outcomes: Record<string, number>;
  /** ms from claim to the completion's answer, for each completed task. */
  latenciesMs: number[];
}

export const emptyTally = (): ClerkTally => ({
  completed: 0,
  conflicts: 0,
  errors: 0,
  firstError: null,
  outcomes: {},
  latenciesMs: [],
});

/** The outcome a clerk picks: mostly the first (the usual path), sometimes another. */
function pickOutcome(outcomes: string[], random: () => number): string {
  if (outcomes.length === 1 || random() < 0.7) return outcomes[0]!;
  return outcomes[1 + Math.floor(random() * (outcomes.length - 1))]!;
}

/** Works `department`'s queue until `shouldStop()` answers true; counts into `tally`. */
export async function workQueue(
  caller: TrpcHttp,
  department: string,
  seed: number,
  tally: ClerkTally,
  shouldStop: () => boolean,
  onCompleted: () => void = () => undefined,
): Promise<void> {
  const random = seededRandom(seed);
  while (!shouldStop()) {
    let tasks: QueueTask[];
    try {
      const page = await caller.query<{ tasks: QueueTask[] }>('queue.page', {
        department,
        status: 'open',
        assignee: 'unassigned',
        limit: 25,
      });
      tasks = page.tasks;
    } catch (error) {
      noteError(tally, error);
      await sleep(500);
      continue;
    }
    if (tasks.length === 0) {
      await sleep(250);
      continue;
    }
    // Colleagues see the same page: picking at random keeps them from all racing for the first task.
    const task = tasks[Math.floor(random() * tasks.length)]!;
    const t0 = performance.now();
    try {
      await caller.mutate('queue.claim', { taskId: task.id, version: task.version });
      const outcome = pickOutcome(task.outcomes, random);
      await caller.mutate('queue.complete', {
        taskId: task.id,
        outcome,
        notes:
          task.kind === 'answer'
            ? 'Thank you for your question. The responsible agency has been told and will follow up.'
            : `Done: ${outcome.replace(/_/g, ' ')}.`,
      });
      tally.completed += 1;
      tally.outcomes[outcome] = (tally.outcomes[outcome] ?? 0) + 1;
      tally.latenciesMs.push(performance.now() - t0);
      onCompleted();
    } catch (error) {
      if (error instanceof TrpcCallError && error.code === 'CONFLICT') tally.conflicts += 1;
      else noteError(tally, error);
    }
  }
}

function noteError(tally: ClerkTally, error: unknown) {
  tally.errors += 1;
  tally.firstError ??= error instanceof Error ? error.message : String(error);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
