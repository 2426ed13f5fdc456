// The embedded default database is PGlite (PostgreSQL 17 in WASM) served over TCP by
// pglite-socket. The same migrations, runner and client must work there unchanged.
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, type PrismaClient } from './client.js';
import { delegateOf, everyModel, ids } from './every-model.fixture.js';
import { migrate } from './migrate.js';
import { findSchemaDrift } from './schema-drift.js';

let pglite: PGlite;
let server: PGLiteSocketServer;
let url: string;
let prisma: PrismaClient;

beforeAll(async () => {
  pglite = await PGlite.create(); // in memory
  server = new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port: 0, maxConnections: 32 });
  await server.start();
  url = `postgresql://postgres:postgres@${server.getServerConn()}/postgres`;
}, 120_000); // a new PGlite takes seconds to boot
afterAll(async () => {
  await prisma?.$disconnect();
  await server?.stop();
  await pglite?.close();
}, 60_000);

describe('on PGlite', { timeout: 60_000 }, () => {
  it('applies the migrations, then nothing on a second run', async () => {
    const { applied } = await migrate(url);
    expect(applied.length).toBeGreaterThan(0);
    expect(await migrate(url)).toEqual({ applied: [] });
  });

  it('matches schema.prisma', async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      expect(await findSchemaDrift(client)).toEqual([]);
    } finally {
      await client.end();
    }
  });

  it('writes and reads back every model through the generated client', async () => {
    prisma = createPrismaClient(url);
    for (const { model, data, where } of everyModel) {
      const delegate = delegateOf(prisma, model);
      await delegate.create({ data });
      expect({ model, row: await delegate.findUniqueOrThrow({ where }) }).toEqual({ model, row: data });
    }
  });

  it('keeps workflow versions immutable and tasks unique', async () => {
    await expect(
      prisma.workflowVersion.update({ where: { id: ids.version }, data: { note: 'x' } }),
    ).rejects.toThrow(/immutable/);
    const task = everyModel.find((m) => m.model === 'Task')?.data;
    await expect(prisma.task.create({ data: { ...task, id: undefined } as never })).rejects.toMatchObject({
      code: 'P2002',
    });
    await expect(prisma.$executeRawUnsafe(`UPDATE service_requests SET lat = 91`)).rejects.toThrow(
      /service_requests_lat_check/,
    );
  });
});
