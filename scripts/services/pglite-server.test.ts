// The embedded database server as its users run it: a child process on a temporary folder, reached
// over TCP with node-postgres. Run: pnpm exec vitest run --config scripts/vitest.config.ts
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const serverScript = path.join(repoRoot, 'scripts/services/pglite-server.ts');
const pg = createRequire(path.join(repoRoot, 'api/package.json'))('pg');

interface RunningServer {
  child: ChildProcess;
  url: string;
  output: () => string;
}

function startServer(dataDir: string): Promise<RunningServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', serverScript], {
    cwd: repoRoot,
    env: { ...process.env, DATA_DIR: dataDir, PGLITE_PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /ready: DATABASE_URL=(\S+)/.exec(output)?.[1];
      if (url) resolve({ child, url, output: () => output });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code} before ready:\n${output}`)));
  });
}

function stopServer(server: RunningServer, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  return new Promise((resolve) => {
    server.child.on('exit', (code) => resolve(code));
    server.child.kill(signal);
  });
}

async function withClient<T>(
  url: string,
  use: (client: typeof pg.Client.prototype) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

const workDir = mkdtempSync(path.join(os.tmpdir(), 'pglite-server-test-'));
const dataDir = path.join(workDir, 'db');
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('pglite-server', () => {
  it('keeps a row across a SIGTERM stop and a restart', { timeout: 120_000 }, async () => {
    const first = await startServer(dataDir);
    await withClient(first.url, async (client) => {
      await client.query('create table request (id int primary key, title text not null)');
      await client.query('insert into request values ($1, $2)', [1, 'Pothole on Elm St']);
    });
    expect(await stopServer(first)).toBe(0);
    expect(first.output()).toContain('closed');
    expect(existsSync(`${dataDir}.lock`)).toBe(false);

    const second = await startServer(dataDir);
    try {
      const rows = await withClient(
        second.url,
        async (client) => (await client.query('select * from request')).rows,
      );
      expect(rows).toEqual([{ id: 1, title: 'Pothole on Elm St' }]);
    } finally {
      expect(await stopServer(second)).toBe(0);
    }
  });

  it(
    'refuses a folder owned by a running server and takes over a stale lock',
    { timeout: 120_000 },
    async () => {
      const deadPid = spawnSync('true').pid;
      writeFileSync(`${dataDir}.lock`, `${deadPid}\n`);
      const owner = await startServer(dataDir);
      try {
        expect(owner.output()).toContain('taking over stale lock');
        const intruder = await startServer(dataDir).catch((error: Error) => error);
        expect(String(intruder)).toMatch(/exited with 2[\s\S]*in use by pglite-server pid/);
      } finally {
        await stopServer(owner);
      }
    },
  );

  it('serves sequential and concurrent clients on its one session', { timeout: 120_000 }, async () => {
    const server = await startServer(dataDir);
    try {
      for (let i = 0; i < 5; i++) {
        const { rows } = await withClient(server.url, (client) => client.query('select $1::int as i', [i]));
        expect(rows[0].i).toBe(i);
      }
      const pool = new pg.Pool({ connectionString: server.url, max: 4 });
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) => pool.query(`select $1::int as i, ${i} as k`, [i])),
      );
      await pool.end();
      expect(results.map((result) => [result.rows[0].i, result.rows[0].k])).toEqual(
        Array.from({ length: 40 }, (_, i) => [i, i]),
      );
      expect(await extendedQueryInterruptedByAnotherClient(server.url)).toEqual({ a: 'A', b: 'B' });
    } finally {
      await stopServer(server);
    }
  });
});

/**
 * Client A sends Parse, client B runs its own query, then A sends Bind/Execute/Sync. Without the
 * server's session guard, A's Bind hits B's unnamed statement (a wrong-statement error or B's SQL run
 * with A's values). Returns the value each client read.
 */
async function extendedQueryInterruptedByAnotherClient(url: string): Promise<{ a: string; b: string }> {
  const { port } = new URL(url);
  const socket = net.connect(Number(port), '127.0.0.1');
  let received = Buffer.alloc(0);
  socket.on('data', (chunk) => (received = Buffer.concat([received, chunk])));
  const readyForQuery = () =>
    new Promise<Buffer>((resolve, reject) => {
      const deadline = Date.now() + 20_000;
      const poll = () => {
        const tail = received.subarray(-6);
        if (tail.length === 6 && tail[0] === 0x5a && tail.readInt32BE(1) === 5) return resolve(received);
        if (Date.now() > deadline)
          return reject(new Error(`no ReadyForQuery; got ${received.toString('latin1')}`));
        setTimeout(poll, 10);
      };
      poll();
    });
  const cstring = (text: string) => Buffer.from(`${text}\0`);
  const frame = (type: string, ...parts: Buffer[]) => {
    const body = Buffer.concat(parts);
    const header = Buffer.alloc(5);
    header.write(type, 0, 'latin1');
    header.writeInt32BE(body.length + 4, 1);
    return Buffer.concat([header, body]);
  };
  const startupBody = Buffer.concat([
    Buffer.from([0, 3, 0, 0]),
    cstring('user'),
    cstring('postgres'),
    Buffer.from([0]),
  ]);
  const startupLength = Buffer.alloc(4);
  startupLength.writeInt32BE(startupBody.length + 4);
  await new Promise((resolve) => socket.once('connect', resolve));
  socket.write(Buffer.concat([startupLength, startupBody]));
  await readyForQuery();
  received = Buffer.alloc(0);

  socket.write(frame('P', cstring(''), cstring("select 'A' as who"), Buffer.from([0, 0])));
  const b = withClient(
    url,
    async (client) => (await client.query('select $1::text as who', ['B'])).rows[0].who,
  );
  await new Promise((resolve) => setTimeout(resolve, 300)); // B is connected and waiting by now
  socket.write(
    Buffer.concat([
      frame('B', cstring(''), cstring(''), Buffer.from([0, 0, 0, 0, 0, 0])),
      frame('E', cstring(''), Buffer.from([0, 0, 0, 0])),
      frame('S'),
    ]),
  );
  const response = await readyForQuery();
  socket.end();
  // DataRow: 'D', length, 1 column, value length 1, then the value.
  const dataRow = response.indexOf(Buffer.from([0x44, 0, 0, 0, 11, 0, 1, 0, 0, 0, 1]));
  const a = dataRow >= 0 ? String.fromCharCode(response[dataRow + 11]!) : response.toString('latin1');
  return { a, b: await b };
}
