/**
 * Liveness and readiness for load balancers and orchestrators: `/healthz` says the process is
 * running (no I/O, so a slow database never gets a healthy process killed); `/readyz` says it can
 * serve — PostgreSQL answers `SELECT 1` and Temporal answers a cheap call — each within a timeout.
 */
import { Hono } from 'hono';
import type { Client } from '@temporalio/client';
import type { AppContext } from '../app-context.js';
import { withTimeout } from './with-timeout.js';

export interface HealthOptions {
  /** Resolves when Temporal answers; absent: readiness does not check Temporal. */
  temporalHealth?: () => Promise<void>;
  /** Per-check limit; default 2000 ms. */
  timeoutMs?: number;
}

export interface CheckResult {
  ok: boolean;
  ms: number;
  error?: string;
}

/** `GET /healthz` and `GET /readyz`; mount at `/`. */
export function healthRoutes(app: Pick<AppContext, 'db'>, options: HealthOptions = {}): Hono {
  const timeoutMs = options.timeoutMs ?? 2000;
  const checks: Record<string, () => Promise<unknown>> = {
    database: () => app.db.$queryRaw`SELECT 1`,
  };
  if (options.temporalHealth) checks.temporal = options.temporalHealth;

  const routes = new Hono();
  routes.get('/healthz', (c) => c.json({ ok: true }));
  routes.get('/readyz', async (c) => {
    const names = Object.keys(checks);
    const results = await Promise.all(names.map((name) => runCheck(name, checks[name]!, timeoutMs)));
    const report = Object.fromEntries(names.map((name, i) => [name, results[i]!]));
    const failed = names.filter((name) => !report[name]!.ok);
    if (failed.length === 0) return c.json({ ok: true, checks: report });
    return c.json({ ok: false, failed, checks: report }, 503);
  });
  return routes;
}

/** Temporal readiness over the API's client: `GetSystemInfo` is answered by the frontend without touching history. */
export function temporalHealthCheck(client: Pick<Client, 'workflowService'>): () => Promise<void> {
  return async () => {
    await client.workflowService.getSystemInfo({});
  };
}

async function runCheck(
  name: string,
  check: () => Promise<unknown>,
  timeoutMs: number,
): Promise<CheckResult> {
  const started = performance.now();
  try {
    await withTimeout(check(), timeoutMs, name);
    return { ok: true, ms: elapsed(started) };
  } catch (error) {
    return { ok: false, ms: elapsed(started), error: summarise(error) };
  }
}

/** The meaningful line of an error: Prisma puts the cause on the last line of a multi-line message. */
function summarise(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const lines = message
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return (lines.at(-1) ?? 'failed').slice(0, 300);
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}
