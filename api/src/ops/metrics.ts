/**
 * Prometheus metrics at `GET /metrics`: intake counted as it happens (`recordIntake`), queue depth,
 * SLA breaches, outbox lag and notification backlog read from the database at scrape time (so
 * every API process reports the same shared figures), plus Node's default process metrics.
 */
import { Hono } from 'hono';
import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import type { AppContext } from '../app-context.js';
import { departmentFigures, notificationBacklog, outboxLagSeconds } from './scrape-queries.js';
import { withTimeout } from './with-timeout.js';

/** Process-wide metrics: the intake counter and Node's defaults. */
const processRegistry = new Registry();
let defaultsCollected = false;

const intakeTotal = new Counter({
  name: 'civicdesk_intake_total',
  help: 'Resident submissions received by this process, by channel and outcome.',
  labelNames: ['channel', 'outcome'] as const,
  registers: [processRegistry],
});

/** Counts one submission, e.g. recordIntake('open311', 'accepted') or recordIntake('email', 'rejected'). */
export function recordIntake(channel: string, outcome: string): void {
  intakeTotal.inc({ channel, outcome });
}

export interface MetricsOptions {
  /** Limit for each scrape query; default 2000 ms. */
  queryTimeoutMs?: number;
}

/** `GET /metrics` in the Prometheus text format; mount at `/`. */
export function metricsRoutes(app: Pick<AppContext, 'db'>, options: MetricsOptions = {}): Hono {
  if (!defaultsCollected) {
    collectDefaultMetrics({ register: processRegistry });
    defaultsCollected = true;
  }
  const scrape = scrapeGauges(app, options.queryTimeoutMs ?? 2000);
  const registry = Registry.merge([processRegistry, scrape.registry]);
  const routes = new Hono();
  routes.get('/metrics', async (c) => {
    await scrape.refresh();
    const body = await registry.metrics();
    return c.body(body, 200, { 'content-type': registry.contentType });
  });
  return routes;
}

/**
 * Gauges filled from the database before each scrape (the queries run together, before rendering,
 * so figures that come from one query stay consistent). A failed query leaves its gauges empty and
 * sets civicdesk_scrape_error{query} to 1, while the other metrics are still served.
 */
function scrapeGauges(app: Pick<AppContext, 'db'>, timeoutMs: number) {
  const registry = new Registry();
  const gauge = (name: string, help: string, labelNames: string[] = []) =>
    new Gauge({ name, help, labelNames, registers: [registry] });
  const scrapeError = gauge(
    'civicdesk_scrape_error',
    '1 when the named scrape query failed or timed out on the last scrape.',
    ['query'],
  );
  const perDepartment = ['jurisdiction', 'department'];
  const depth = gauge('civicdesk_queue_depth', 'Open or claimed tasks, per department.', perDepartment);
  const breached = gauge(
    'civicdesk_sla_breached_tasks',
    'Open or claimed tasks past their due time, per department.',
    perDepartment,
  );
  const outboxLag = gauge(
    'civicdesk_outbox_lag_seconds',
    'Age of the oldest outbox message not yet relayed (0 when drained).',
  );
  const outboxPending = gauge('civicdesk_outbox_pending', 'Outbox messages not yet relayed.');
  const notificationsPending = gauge('civicdesk_notifications_pending', 'Notifications not yet sent.');
  const notificationsOldest = gauge(
    'civicdesk_notifications_oldest_pending_seconds',
    'Age of the oldest unsent notification (0 when none).',
  );

  async function guarded<T>(query: string, gauges: Gauge[], run: () => Promise<T>, use: (value: T) => void) {
    for (const g of gauges) g.reset();
    try {
      use(await withTimeout(run(), timeoutMs, query));
      scrapeError.set({ query }, 0);
    } catch {
      for (const g of gauges) g.reset();
      scrapeError.set({ query }, 1);
    }
  }

  async function refresh() {
    await Promise.all([
      guarded(
        'departments',
        [depth, breached],
        () => departmentFigures(app.db),
        (rows) => {
          for (const row of rows) {
            const labels = { jurisdiction: row.jurisdiction, department: row.department };
            depth.set(labels, row.depth);
            breached.set(labels, row.breached);
          }
        },
      ),
      guarded(
        'outbox',
        [outboxLag, outboxPending],
        () => outboxLagSeconds(app.db),
        (o) => {
          outboxLag.set(o.lag);
          outboxPending.set(o.pending);
        },
      ),
      guarded(
        'notifications',
        [notificationsPending, notificationsOldest],
        () => notificationBacklog(app.db),
        (n) => {
          notificationsPending.set(n.pending);
          notificationsOldest.set(n.oldest);
        },
      ),
    ]);
  }
  return { registry, refresh };
}
