/**
 * The outbox relay: starts the workflow of every committed request. Rows are leased in one statement
 * (`FOR UPDATE SKIP LOCKED` + `locked_until`), so several API processes relay side by side without
 * taking the same row and no transaction stays open while Temporal is called. Starting is idempotent
 * (`request-<id>`), so a crash between start and mark never starts two; a lease left by a crashed
 * relay expires and the row is taken again. A failure is retried with backoff, its error kept on the row.
 */
import { requestRunInput } from '../requests/run-input.js';
import type { AppContext } from '../app-context.js';
import { START_WORKFLOW, type StartWorkflowPayload } from './messages.js';
import { createLogger } from '../ops/logger.js';

const relayLog = createLogger({ service: 'outbox-relay' });

interface LeasedRow {
  id: bigint;
  kind: string;
  payload: unknown;
  attempts: number;
}

const LEASE_SECONDS = 60;
const backoffMs = (attempts: number) => Math.min(60_000, 500 * 2 ** attempts);

/** Relays up to `limit` due messages; returns how many were handled (successfully or not). */
export async function relayOutboxOnce(app: AppContext, limit = 50): Promise<number> {
  const rows = await app.db.$queryRaw<LeasedRow[]>`
    UPDATE outbox_messages SET locked_until = now() + make_interval(secs => ${LEASE_SECONDS})
    WHERE id IN (
      SELECT id FROM outbox_messages
      WHERE processed_at IS NULL AND available_at <= now() AND (locked_until IS NULL OR locked_until < now())
      ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING id, kind, payload, attempts`;
  for (const row of rows) {
    try {
      await deliver(app, row);
      await app.db.outboxMessage.update({
        where: { id: row.id },
        data: { processedAt: app.now(), attempts: row.attempts + 1, lockedUntil: null },
      });
    } catch (error) {
      await app.db.outboxMessage.update({
        where: { id: row.id },
        data: {
          attempts: row.attempts + 1,
          lastError: error instanceof Error ? error.message : String(error),
          availableAt: new Date(app.now().getTime() + backoffMs(row.attempts)),
          lockedUntil: null,
        },
      });
    }
  }
  return rows.length;
}

async function deliver(app: AppContext, row: LeasedRow): Promise<void> {
  if (row.kind !== START_WORKFLOW) throw new Error(`Unknown outbox message kind '${row.kind}'`);
  const { requestId, traceId } = row.payload as StartWorkflowPayload;
  const input = await requestRunInput(app.db, requestId);
  await app.workflows.startRequest(traceId ? { ...input, traceId } : input);
  relayLog.info('Workflow started', { requestId, traceId: traceId ?? null });
}

/** Runs the relay until stopped: drains while there is work, then polls; `nudge()` skips the wait. */
export function startOutboxRelay(app: AppContext, onError: (error: unknown) => void = console.error) {
  let stopped = false;
  let wake: (() => void) | null = null;
  const loop = (async () => {
    while (!stopped) {
      let handled = 0;
      try {
        handled = await relayOutboxOnce(app);
      } catch (error) {
        onError(error);
      }
      if (handled === 0 && !stopped) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, app.config.OUTBOX_POLL_MS);
        });
        wake = null;
      }
    }
  })();
  return {
    nudge: () => wake?.(),
    stop: async () => {
      stopped = true;
      wake?.();
      await loop;
    },
  };
}
