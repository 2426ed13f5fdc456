/**
 * The intake benchmark's baselines, measured in the same run and at the same concurrency:
 * (a) starting empty Temporal workflows with the same @temporalio/client as the API, nothing else;
 * (b) plain PostgreSQL inserts of the same rows (request, its `opened` timeline row, its outbox row)
 * in one transaction each, through `pg` with the pool size Prisma's adapter uses (10).
 */
import { Client, Connection } from '@temporalio/client';
import pg from 'pg';
import type { TestDatabase } from '@civicdesk/api';
import { summarize, type LatencySummary } from '../support/stats.js';
import type { LoadRequest } from '../load/synthetic.js';

export interface BaselineResult {
  operations: number;
  errors: number;
  seconds: number;
  perSecond: number;
  latencyMs: LatencySummary;
}

/** Runs `op(i)` with `concurrency` in flight until `seconds` pass; times each call. */
async function closedLoop(
  seconds: number,
  concurrency: number,
  op: (i: number) => Promise<void>,
): Promise<BaselineResult> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  let firstError: unknown = null;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const i = next++;
        const t0 = performance.now();
        try {
          await op(i);
          latencies.push(performance.now() - t0);
        } catch (error) {
          errors += 1;
          firstError ??= error;
        }
      }
    }),
  );
  if (firstError && latencies.length === 0) throw firstError;
  const elapsed = (performance.now() - started) / 1000;
  return {
    operations: latencies.length,
    errors,
    seconds: elapsed,
    perSecond: latencies.length / elapsed,
    latencyMs: summarize(latencies),
  };
}

/**
 * (a) Bare workflow starts on a task queue no worker polls. Each run times out on its own after
 * 10 minutes, so the baseline leaves nothing behind on the Temporal server.
 */
export async function bareTemporalStarts(
  taskQueue: string,
  seconds: number,
  concurrency: number,
): Promise<BaselineResult> {
  const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233' });
  const client = new Client({ connection });
  const queue = `${taskQueue}-empty`;
  try {
    return await closedLoop(seconds, concurrency, async (i) => {
      await client.workflow.start('benchEmptyWorkflow', {
        workflowId: `${queue}-${i}`,
        taskQueue: queue,
        args: [],
        workflowExecutionTimeout: '10 minutes',
      });
    });
  } finally {
    await connection.close();
  }
}

/** (b) The rows intake writes, inserted by hand: one transaction of three INSERTs per request. */
export async function plainInserts(
  db: TestDatabase,
  requests: LoadRequest[],
  seconds: number,
  concurrency: number,
): Promise<BaselineResult> {
  const services = await db.prisma.service.findMany({
    include: { binding: true },
  });
  const versions = await db.prisma.workflowVersion.findMany({ orderBy: { version: 'desc' } });
  const byCode = new Map(
    services.map((s) => [
      s.code,
      {
        id: s.id,
        jurisdictionId: s.jurisdictionId,
        departmentId: s.departmentId,
        name: s.name,
        versionId: versions.find((v) => v.definitionId === s.binding?.definitionId)?.id ?? null,
      },
    ]),
  );
  const pool = new pg.Pool({ connectionString: db.url, max: 10 });
  try {
    return await closedLoop(seconds, concurrency, async (i) => {
      const request = requests[i % requests.length]!;
      const service = byCode.get(request.service_code);
      if (!service) throw new Error(`No service ${request.service_code}`);
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const now = new Date();
        const { rows } = await client.query<{ id: string }>(
          `INSERT INTO service_requests (jurisdiction_id, service_id, department_id, workflow_version_id,
             description, attributes, lat, long, address, channel, requested_at, updated_at, expected_at, duplicate_score)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'open311', $10, $10, $10, 0) RETURNING id`,
          [
            service.jurisdictionId,
            service.id,
            service.departmentId,
            service.versionId,
            request.description,
            JSON.stringify(request.attributes),
            request.lat ?? null,
            request.long ?? null,
            request.address_string ?? null,
            now,
          ],
        );
        const id = rows[0]!.id;
        await client.query(
          `INSERT INTO timeline_events (request_id, at, kind, public, summary, actor, data)
           VALUES ($1, $2, 'opened', true, $3, 'resident', '{"channel":"open311"}')`,
          [id, now, `Request received: ${service.name}`],
        );
        // Marked processed: the relay must not start workflows for baseline rows.
        await client.query(
          `INSERT INTO outbox_messages (kind, payload, created_at, available_at, processed_at)
           VALUES ('bench_baseline', $1, $2, $2, $2)`,
          [JSON.stringify({ requestId: id }), now],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    });
  } finally {
    await pool.end();
  }
}
