/**
 * Operability endpoints on the real services: readiness reports each dependency and names the one
 * that fails, /metrics reads queue depth and SLA breaches per department from the tasks table, and
 * the request-logging middleware tags every response and log line with a request id.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { createServer } from 'node:net';
import { createPrismaClient } from '@civicdesk/api';
import {
  createLogger,
  healthRoutes,
  metricsRoutes,
  recordIntake,
  requestLogging,
  temporalHealthCheck,
} from '../../api/src/ops/index.js';
import { DEMO_API_KEY, eventually, postForm, startPlatform, type Platform } from '../support/platform.js';

let platform: Platform;

beforeAll(async () => {
  platform = await startPlatform('ops');
});
afterAll(async () => platform?.stop());

/** A port nothing listens on: bound once by us, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The value of one sample line in Prometheus text, e.g. sample(text, 'x{a="b"}'). */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('health', () => {
  it('says the process is alive without touching anything', async () => {
    const http = new Hono().route('/', healthRoutes(platform.app));
    const res = await http.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('is ready when PostgreSQL and Temporal both answer', async () => {
    const http = new Hono().route(
      '/',
      healthRoutes(platform.app, { temporalHealth: temporalHealthCheck(platform.client) }),
    );
    const res = await http.request('/readyz');
    const body = (await res.json()) as { ok: boolean; checks: Record<string, { ok: boolean }> };
    expect(res.status).toBe(200);
    expect(body.ok).toBe(true);
    expect(body.checks.database?.ok).toBe(true);
    expect(body.checks.temporal?.ok).toBe(true);
  });

  it('answers 503 naming the database when its URL points at a closed port', async () => {
    const db = createPrismaClient(
      `postgresql://civicdesk:civicdesk@127.0.0.1:${await closedPort()}/civicdesk`,
    );
    try {
      const http = new Hono().route(
        '/',
        healthRoutes({ db }, { temporalHealth: temporalHealthCheck(platform.client) }),
      );
      const res = await http.request('/readyz');
      const body = (await res.json()) as {
        ok: boolean;
        failed: string[];
        checks: Record<string, { ok: boolean; error?: string }>;
      };
      expect(res.status).toBe(503);
      expect(body.failed).toEqual(['database']);
      expect(body.checks.database?.error).toMatch(/reach database server/);
      expect(body.checks.temporal?.ok).toBe(true);
    } finally {
      await db.$disconnect();
    }
  });

  it('fails a check that hangs once its timeout passes, naming it', async () => {
    const http = new Hono().route(
      '/',
      healthRoutes(platform.app, { temporalHealth: () => new Promise<void>(() => {}), timeoutMs: 200 }),
    );
    const started = Date.now();
    const res = await http.request('/readyz');
    const body = (await res.json()) as { failed: string[]; checks: Record<string, { error?: string }> };
    expect(res.status).toBe(503);
    expect(body.failed).toEqual(['temporal']);
    expect(body.checks.temporal?.error).toMatch(/within 200 ms/);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('metrics', () => {
  it('reports queue depth and SLA breaches for a department once a request has a task', async () => {
    const http = new Hono().route('/', metricsRoutes(platform.app));
    const scrape = async () => {
      const res = await http.request('/metrics');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      return res.text();
    };
    const streets = await platform.app.db.department.findFirstOrThrow({ where: { code: 'streets' } });
    const series = (name: string) => `${name}{jurisdiction="${streets.jurisdictionId}",department="streets"}`;
    const before = await scrape();
    expect(sample(before, series('civicdesk_queue_depth'))).toBe(0);
    expect(sample(before, series('civicdesk_sla_breached_tasks'))).toBe(0);

    const posted = await postForm(platform.baseUrl, '/open311/v2/requests.json', [
      ['api_key', DEMO_API_KEY],
      ['service_code', 'pothole'],
      ['lat', '39.7817'],
      ['long', '-89.6501'],
      ['description', 'Hole in the road'],
      ['attribute[depth_cm]', '6'],
      ['attribute[location_type]', 'road'],
    ]);
    expect(posted.status).toBe(200);
    const [answer] = (await posted.json()) as { service_request_id: string }[];
    const task = await eventually(
      async () =>
        (await platform.app.db.task.findFirst({
          where: { requestId: BigInt(answer!.service_request_id), departmentId: streets.id, status: 'open' },
        })) ?? undefined,
      'the streets task',
    );
    const after = await scrape();
    expect(sample(after, series('civicdesk_queue_depth'))).toBe(1);
    expect(sample(after, series('civicdesk_sla_breached_tasks'))).toBe(0);
    expect(sample(after, 'civicdesk_outbox_lag_seconds')).toBeGreaterThanOrEqual(0);
    expect(sample(after, 'civicdesk_notifications_pending')).toBeGreaterThanOrEqual(0);
    expect(sample(after, 'civicdesk_scrape_error{query="departments"}')).toBe(0);
    expect(after).toContain('process_cpu_user_seconds_total');

    await platform.app.db.task.update({
      where: { id: task.id },
      data: { dueAt: new Date(Date.now() - 60_000) },
    });
    expect(sample(await scrape(), series('civicdesk_sla_breached_tasks'))).toBe(1);
  });

  it('counts intake by channel and outcome', async () => {
    const http = new Hono().route('/', metricsRoutes(platform.app));
    const read = async () =>
      sample(
        await (await http.request('/metrics')).text(),
        'civicdesk_intake_total{channel="email",outcome="rejected"}',
      ) ?? 0;
    const before = await read();
    recordIntake('email', 'rejected');
    recordIntake('email', 'rejected');
    expect(await read()).toBe(before + 2);
  });

  it('still serves process metrics and flags the query when the database is down', async () => {
    const db = createPrismaClient(
      `postgresql://civicdesk:civicdesk@127.0.0.1:${await closedPort()}/civicdesk`,
    );
    try {
      const http = new Hono().route('/', metricsRoutes({ db }, { queryTimeoutMs: 1000 }));
      const res = await http.request('/metrics');
      const text = await res.text();
      expect(res.status).toBe(200);
      expect(sample(text, 'civicdesk_scrape_error{query="departments"}')).toBe(1);
      expect(text).not.toContain('civicdesk_queue_depth{');
      expect(text).toContain('process_cpu_user_seconds_total');
    } finally {
      await db.$disconnect();
    }
  });
});

describe('request logging', () => {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({ service: 'api' }, (_level, line) =>
    lines.push(JSON.parse(line) as Record<string, unknown>),
  );
  const http = new Hono();
  http.use(requestLogging(logger));
  http.get('/ok', (c) => c.text('fine'));
  http.get('/boom', () => {
    throw new Error('kaput');
  });

  it('generates a request id, sets the header and logs one JSON line', async () => {
    lines.length = 0;
    const res = await http.request('/ok');
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'info',
      msg: 'http request',
      service: 'api',
      requestId: id,
      method: 'GET',
      path: '/ok',
      status: 200,
    });
    expect(typeof lines[0]!.durationMs).toBe('number');
    expect(Number.isNaN(Date.parse(String(lines[0]!.time)))).toBe(false);
  });

  it("keeps the caller's id, but not one that could forge log lines", async () => {
    const kept = await http.request('/ok', { headers: { 'x-request-id': 'lb-1234.abc' } });
    expect(kept.headers.get('x-request-id')).toBe('lb-1234.abc');
    const forged = await http.request('/ok', { headers: { 'x-request-id': 'a" "level":"info' } });
    expect(forged.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs a failed request at error level with its status', async () => {
    lines.length = 0;
    const res = await http.request('/boom');
    expect(res.status).toBe(500);
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines.at(-1)).toMatchObject({ level: 'error', path: '/boom', status: 500 });
  });
});

describe('request id into the workflow', () => {
  it("carries the intake call's x-request-id into the run's memo and input", async () => {
    const posted = await fetch(`${platform.baseUrl}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-request-id': 'lb-trace-42' },
      body: new URLSearchParams([
        ['api_key', DEMO_API_KEY],
        ['service_code', 'pothole'],
        ['lat', '39.7817'],
        ['long', '-89.6501'],
        ['description', 'Hole near the school'],
        ['attribute[depth_cm]', '4'],
        ['attribute[location_type]', 'road'],
      ]).toString(),
    });
    expect(posted.status).toBe(200);
    expect(posted.headers.get('x-request-id')).toBe('lb-trace-42');
    const [answer] = (await posted.json()) as { service_request_id: string }[];
    const handle = platform.client.workflow.getHandle(`request-${answer!.service_request_id}`);
    const described = await eventually(
      async () => handle.describe().catch(() => undefined),
      'the run of the new request',
    );
    expect(described.memo).toEqual({ trace_id: 'lb-trace-42' });
    const history = await handle.fetchHistory();
    const started = history.events?.[0]?.workflowExecutionStartedEventAttributes;
    const payload = started?.input?.payloads?.[0];
    expect(payload).toBeDefined();
    const input = platform.client.options.loadedDataConverter.payloadConverter.fromPayload(payload!);
    expect(input).toMatchObject({ requestId: answer!.service_request_id, traceId: 'lb-trace-42' });
  });
});
