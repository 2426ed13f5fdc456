/**
 * The outbox relay: starts the workflow of every committed request. Rows are leased in one statement
 * (`FOR UPDATE SKIP LOCKED` + `locked_until`), so several API processes relay side by side without
 * taking the same row and no transaction stays open while Temporal is called. Starting is idempotent
 * (`request-<id>`), so a crash between start and mark never starts two; a lease left by a crashed
 * relay expires and the row is taken again. A failure is retried with backoff, its error kept on the row.
 * The requests of one lease are read in one query, started concurrently and marked processed in one
 * statement: one at a time, the relay's rate was one Temporal round trip per request, far below
 * what intake accepts, and a read per row held pool connections intake needs.
 */
import { requestRunInputs } from '../requests/run-input.js';
import type { StartRequestInput } from '../workflow-gateway.js';
import type { AppContext } from '../app-context.js';
import { START_WORKFLOW, type StartWorkflowPayload } from './messages.js';
import { onOutboxDoorbell } from './wake.js';
import { createLogger } from '../ops/logger.js';

const relayLog = createLogger({ service: 'outbox-relay' });

interface LeasedRow {
  id: bigint;
  kind: string;
  payload: unknown;
  attempts: number;
}

const LEASE_SECONDS = 60;
const LANES = 3;
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
  // One read for the lease's requests, then the starts side by side.
  const inputs = await runInputsOf(app, rows);
  const outcomes = await Promise.all(
    rows.map(async (row) => {
      try {
        await deliver(app, row, inputs);
        return { row, error: null };
      } catch (error) {
        return { row, error: error ?? new Error('unknown error') };
      }
    }),
  );
  const delivered = outcomes.filter((o) => o.error === null).map((o) => o.row.id);
  if (delivered.length) {
    await app.db.outboxMessage.updateMany({
      where: { id: { in: delivered } },
      data: { processedAt: app.now(), attempts: { increment: 1 }, lockedUntil: null },
    });
  }
  for (const { row, error } of outcomes) {
    if (error === null) continue;
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
  return rows.length;
}

/** The run inputs of the lease's start messages, read together; an unreadable lease fails each row. */
async function runInputsOf(
  app: AppContext,
  rows: LeasedRow[],
): Promise<Map<string, StartRequestInput | Error>> {
  const ids = rows
    .filter((r) => r.kind === START_WORKFLOW)
    .map((r) => (r.payload as StartWorkflowPayload).requestId);
  if (ids.length === 0) return new Map();
  try {
    return await requestRunInputs(app.db, ids);
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    return new Map(ids.map((id) => [id, failure]));
  }
}

async function deliver(
  app: AppContext,
  row: LeasedRow,
  inputs: Map<string, StartRequestInput | Error>,
): Promise<void> {
  if (row.kind !== START_WORKFLOW) throw new Error(`Unknown outbox message kind '${row.kind}'`);
  const { requestId, traceId } = row.payload as StartWorkflowPayload;
  const input = inputs.get(requestId) ?? new Error(`Request ${requestId} does not exist`);
  if (input instanceof Error) throw input;
  await app.workflows.startRequest(traceId ? { ...input, traceId } : input);
  relayLog.info('Workflow started', { requestId, traceId: traceId ?? null });
}

/**
 * Runs the relay until stopped: drains while there is work, then polls; `nudge()` and intake in this
 * process (the outbox doorbell) skip the wait. LANES leases are in flight at once, so one slow
 * Temporal start does not hold back the rows committed after its lease.
 */
export function startOutboxRelay(app: AppContext, onError: (error: unknown) => void = console.error) {
  let stopped = false;
  const wakers = new Set<() => void>();
  const wakeAll = () => {
    for (const wake of wakers) wake();
  };
  // Counts rings: a ring while a lane's lease is in flight must not be lost, the lane goes round again.
  let rings = 0;
  const stopListening = onOutboxDoorbell(() => {
    rings += 1;
    wakeAll();
  });
  const lane = async () => {
    let again = false;
    while (!stopped) {
      let handled = 0;
      const ringsBefore = rings;
      try {
        handled = await relayOutboxOnce(app);
      } catch (error) {
        onError(error);
      }
      // Once, not for ever: under steady intake the bell rings all the time, and a lane whose
      // colleagues took the rows must not spin on empty leases.
      again = handled === 0 && rings !== ringsBefore && !again;
      if (handled === 0 && !again && !stopped) {
        await new Promise<void>((resolve) => {
          const wake = () => {
            wakers.delete(wake);
            resolve();
          };
          wakers.add(wake);
          setTimeout(wake, app.config.OUTBOX_POLL_MS);
        });
      }
    }
  };
  const loops = Promise.all(Array.from({ length: LANES }, lane));
  return {
    nudge: wakeAll,
    stop: async () => {
      stopped = true;
      stopListening();
      wakeAll();
      await loops;
    },
  };
}
