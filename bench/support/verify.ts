/**
 * After a run: does every accepted request exist once, with one `opened` timeline row, one outbox
 * row processed once, and one Temporal run `request-<id>`? Answers counts, so a report can say
 * "lost 0, duplicated 0" from what the database and Temporal hold, not from what the client saw.
 */
import { Client, Connection } from '@temporalio/client';
import type { TestDatabase } from '@civicdesk/api';

export interface IntakeCheck {
  accepted: number;
  stored: number;
  /** Accepted requests with no row (must be 0). */
  lost: number;
  /** Requests with more than one `opened` timeline row (must be 0). */
  duplicatedTimeline: number;
  /** Requests with more than one outbox row (must be 0). */
  duplicatedOutbox: number;
  /** Outbox rows processed (workflow started) / still waiting. */
  outboxProcessed: number;
  outboxPending: number;
  /** Outbox rows that needed more than one attempt (a retry, or two relays on one row). */
  outboxRetried: number;
}

/** Checks the database side for `ids` (the ids the API answered). */
export async function checkStoredRequests(db: TestDatabase, ids: string[]): Promise<IntakeCheck> {
  const idList = ids.map((id) => BigInt(id));
  const [row] = await db.prisma.$queryRawUnsafe<Record<string, bigint>[]>(
    `WITH wanted AS (SELECT unnest($1::bigint[]) AS id),
          opened AS (SELECT request_id, count(*) AS n FROM timeline_events
                     WHERE kind = 'opened' AND request_id IN (SELECT id FROM wanted) GROUP BY request_id),
          outbox AS (SELECT (payload->>'requestId')::bigint AS request_id, count(*) AS n,
                            count(processed_at) AS processed, max(attempts) AS attempts
                     FROM outbox_messages WHERE kind = 'start_workflow'
                     AND (payload->>'requestId')::bigint IN (SELECT id FROM wanted) GROUP BY 1)
     SELECT (SELECT count(*) FROM service_requests WHERE id IN (SELECT id FROM wanted)) AS stored,
            (SELECT count(*) FROM opened WHERE n > 1) AS dup_timeline,
            (SELECT count(*) FROM outbox WHERE n > 1) AS dup_outbox,
            (SELECT coalesce(sum(processed), 0) FROM outbox) AS processed,
            (SELECT coalesce(sum(n - processed), 0) FROM outbox) AS pending,
            (SELECT count(*) FROM outbox WHERE attempts > 1) AS retried`,
    idList,
  );
  const n = (v: bigint | undefined) => Number(v ?? 0);
  const stored = n(row?.stored);
  return {
    accepted: ids.length,
    stored,
    lost: ids.length - stored,
    duplicatedTimeline: n(row?.dup_timeline),
    duplicatedOutbox: n(row?.dup_outbox),
    outboxProcessed: n(row?.processed),
    outboxPending: n(row?.pending),
    outboxRetried: n(row?.retried),
  };
}

/** Waits until no outbox row of the database is pending, or `timeoutMs` passes; answers the pending count. */
export async function waitForOutboxDrained(db: TestDatabase, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await db.prisma.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM outbox_messages WHERE processed_at IS NULL`,
    );
    const pending = Number(row?.n ?? 0);
    if (pending === 0 || Date.now() > deadline) return pending;
    await new Promise((r) => setTimeout(r, 500));
  }
}

export interface RunCheck {
  /** Runs listed on the task queue. */
  runs: number;
  /** Accepted requests with no run `request-<id>` (must be 0). */
  withoutRun: number;
  /** Workflow ids listed more than once (must be 0: one run per request). */
  duplicatedRuns: number;
  /**
   * When Temporal started each request's run (epoch ms), by request id: the moment end-to-end
   * intake is measured to. The outbox row's processed_at is later — the relay marks a whole lease
   * at once, after its slowest start.
   */
  startedAt: Map<string, number>;
}

/**
 * Lists the runs of `taskQueue` from Temporal's visibility store and matches them to `ids`.
 * Visibility is eventually consistent: it retries until every id is seen or `timeoutMs` passes.
 */
export async function checkRuns(taskQueue: string, ids: string[], timeoutMs = 60_000): Promise<RunCheck> {
  const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233' });
  const client = new Client({ connection });
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      const seen = new Map<string, number>();
      const startedAt = new Map<string, number>();
      for await (const run of client.workflow.list({ query: `TaskQueue = '${taskQueue}'`, pageSize: 1000 })) {
        seen.set(run.workflowId, (seen.get(run.workflowId) ?? 0) + 1);
        const id = /^request-(\d+)$/.exec(run.workflowId)?.[1];
        if (id) startedAt.set(id, run.startTime.getTime());
      }
      const withoutRun = ids.filter((id) => !seen.has(`request-${id}`)).length;
      if (withoutRun === 0 || Date.now() > deadline) {
        return {
          runs: [...seen.values()].reduce((a, b) => a + b, 0),
          withoutRun,
          duplicatedRuns: [...seen.values()].filter((n) => n > 1).length,
          startedAt,
        };
      }
      await new Promise((r) => setTimeout(r, 2000));
    }
  } finally {
    await connection.close();
  }
}

/**
 * End to end per accepted request: POST sent → its run started in Temporal (ms each, for those
 * whose run is listed), and the rate over the span from the first POST to the last start.
 */
export function endToEndFigures(
  accepted: { id?: string; sentAt: number }[],
  startedAt: Map<string, number>,
  firstPostAt: number,
): { latenciesMs: number[]; seconds: number; perSecond: number } {
  const latenciesMs = accepted.flatMap((s) => {
    const at = startedAt.get(s.id!);
    return at === undefined ? [] : [at - s.sentAt];
  });
  const lastStart = Math.max(...accepted.map((s) => startedAt.get(s.id!) ?? 0));
  const seconds = (lastStart - firstPostAt) / 1000;
  return { latenciesMs, seconds, perSecond: accepted.length / seconds };
}
