/** Shared set-up for the engine's Temporal integration tests (real dev server at TEMPORAL_ADDRESS). */
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { InMemoryRequestStore } from './in-memory-request-store.js';
import { ensureSearchAttributes } from './register-search-attributes.js';
import type { RequestStore } from './request-store.port.js';

export const temporalAddress = process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233';

export interface Harness {
  client: Client;
  native: NativeConnection;
  close(): Promise<void>;
}

/** Keeps SDK and bundler logs to errors in tests (retried activities warn by design). */
export const quietLogger = new DefaultLogger('ERROR');

/** Installs the quiet logger as the SDK runtime's; once per process. */
export function quietTemporalLogs(): void {
  try {
    Runtime.install({ logger: quietLogger });
  } catch {
    // Already installed in this process.
  }
}

/** Connects a client and a worker connection. */
export async function connectHarness(): Promise<Harness> {
  quietTemporalLogs();
  const connection = await Connection.connect({ address: temporalAddress });
  await ensureSearchAttributes(connection);
  const native = await NativeConnection.connect({ address: temporalAddress });
  return {
    client: new Client({ connection }),
    native,
    close: async () => {
      await native.close();
      await connection.close();
    },
  };
}

/** Unique per test, so parallel runs of other engineers on the shared server never collide. */
export const uniqueName = (prefix: string): string => `${prefix}-${randomUUID()}`;

/** Polls until `check` returns a value (not undefined/false), or fails after `timeoutMs`. */
export async function waitFor<T>(
  check: () => T | undefined | false,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A store whose every method succeeds once and then reports failure, as if the reply were lost. */
export function withLostReplies(store: InMemoryRequestStore): RequestStore {
  const failed = new Set<string>();
  const lose =
    <A, R>(name: string, call: (input: A) => Promise<R>) =>
    async (input: A) => {
      const result = await call(input);
      if (!failed.has(name)) {
        failed.add(name);
        throw new Error(`Simulated lost reply from ${name}`);
      }
      return result;
    };
  return {
    createTask: lose('createTask', (i) => store.createTask(i)),
    appendTimeline: lose('appendTimeline', (i) => store.appendTimeline(i)),
    setStatus: lose('setStatus', (i) => store.setStatus(i)),
    closeRequest: lose('closeRequest', (i) => store.closeRequest(i)),
    markTaskCompleted: lose('markTaskCompleted', (i) => store.markTaskCompleted(i)),
    queueNotification: lose('queueNotification', (i) => store.queueNotification(i)),
    transferRequest: lose('transferRequest', (i) => store.transferRequest(i)),
    linkDuplicate: lose('linkDuplicate', (i) => store.linkDuplicate(i)),
    publishAnswer: lose('publishAnswer', (i) => store.publishAnswer(i)),
    cancelTask: lose('cancelTask', (i) => store.cancelTask(i)),
    reassignTask: lose('reassignTask', (i) => store.reassignTask(i)),
    reopenRequest: lose('reopenRequest', (i) => store.reopenRequest(i)),
  };
}

/** Writes a run's history to `histories/<name>.json` when RECORD_HISTORIES=1, for replay.test.ts. */
export async function recordHistory(name: string, history: unknown): Promise<void> {
  if (process.env.RECORD_HISTORIES !== '1') return;
  const { writeFile } = await import('node:fs/promises');
  const { historyToJSON } = await import('@temporalio/common/lib/proto-utils.js');
  await writeFile(
    new URL(`./histories/${name}.json`, import.meta.url),
    `${historyToJSON(history as Parameters<typeof historyToJSON>[0])}\n`,
  );
}
