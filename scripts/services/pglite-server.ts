/**
 * Embedded default database: PGlite (PostgreSQL compiled to WASM) with its data in a folder, served
 * over TCP by @electric-sql/pglite-socket so the API and the worker use the same `pg` code path as
 * production (PRISMA-OFFLINE.md, "Embedded default database: PGlite").
 *
 *   node --import tsx scripts/services/pglite-server.ts        (from the repository root)
 *   → [pglite] ready: DATABASE_URL=postgresql://postgres:postgres@127.0.0.1:5433/postgres (data …)
 *
 * Run it with `node --import tsx` (or `pnpm exec node --import tsx …`), not through the tsx CLI
 * (`pnpm exec tsx …`): the tsx CLI's signal relay SIGKILLs the server when it is stopped (seen for
 * SIGTERM to the tsx process and for Ctrl-C under `pnpm exec tsx`), which is a hard kill.
 *
 * Env: DATA_DIR (default <repo>/data/pglite; a relative path is taken from the current directory),
 * PGLITE_HOST (127.0.0.1), PGLITE_PORT (5433; 0 = any free port, read it from the ready line),
 * PGLITE_MAX_CONNECTIONS (64), PGLITE_EXTENSIONS (pg_trgm; comma-separated contrib names, or none).
 * Stop it with SIGINT or SIGTERM: it closes PGlite cleanly. Exit codes: 0 clean stop, 1 error,
 * 2 data folder owned by another running server.
 *
 * Findings (PGlite 0.5.14, pglite-socket 0.2.17, node-postgres 8.23, as locked in this repository):
 * - PGlite is PostgreSQL 18.6; tests and CI run Debian's PostgreSQL 15. Keep migrations and queries
 *   to what 15 has (no uuidv7(), no JSON_TABLE, no MERGE … RETURNING).
 * - One PostgreSQL session serves every client. pglite-socket's default is maxConnections 1: a second
 *   client connecting while one is open is dropped ("Connection terminated unexpectedly"); sequential
 *   connect/query/end cycles work (20 in ~60 ms). With a higher limit the library multiplexes all
 *   clients onto the one session, executing one protocol message at a time. While a client is inside
 *   a transaction, other clients' messages wait: transactions are serialized, so keep them short, and
 *   never await a query on another connection inside one (e.g. the plain Prisma client inside
 *   prisma.$transaction(async (tx) => …)): it waits for the transaction, which waits for it. Above
 *   PGLITE_MAX_CONNECTIONS a new client is dropped ("Connection terminated unexpectedly").
 * - The library switches clients between any two messages, also in the middle of an extended query
 *   (Parse … Sync). Reproduced: client A sent Parse, client B ran a query, A's Bind then hit B's
 *   unnamed statement ("bind message supplies 0 parameters, but prepared statement "" requires 1").
 *   node-postgres usually sends Parse…Sync in one write, so this needs a split TCP read (large
 *   parameters, a loaded machine), and it can bind one client's values to another's SQL. This server
 *   therefore lets a client keep the session until PGlite answers ReadyForQuery with status idle
 *   (see `oneClientUntilIdle`), like PgBouncer's transaction pooling.
 * - Still shared by all clients, so don't rely on it: SET (use SET LOCAL inside a transaction), temp
 *   tables, named prepared statements (node-postgres `name:`; @prisma/adapter-pg uses none unless
 *   statementNameGenerator is set), LISTEN/NOTIFY, session advisory locks, lastval(). Query cancel is
 *   ignored; no SSL (node-postgres doesn't ask by default). The user, password and database in the
 *   URL are not checked: every client is `postgres` on database `postgres`. CREATE DATABASE succeeds
 *   but nobody can connect to the new database, so per-test databases need the real PostgreSQL.
 * - A client that disconnects inside a transaction, or halfway through an extended query (also after
 *   an error, in ignore-till-Sync state), is rolled back and the next client starts clean, as with
 *   PostgreSQL (checked); so are open transactions when the server stops.
 * - With so much shared, the API and the worker connecting at once is fine for a one-machine default
 *   install, not for load: one slow query stalls every client.
 * - Extensions: only plpgsql unless the extension's bundle is passed to PGlite.create; then CREATE
 *   EXTENSION works. Bundled with @electric-sql/pglite (import '@electric-sql/pglite/contrib/NAME'):
 *   amcheck, auto_explain, bloom, btree_gin, btree_gist, citext, cube, dict_int, dict_xsyn,
 *   earthdistance, file_fdw, fuzzystrmatch, hstore, intarray, isn, lo, ltree, moddatetime,
 *   pageinspect, pg_buffercache, pg_freespacemap, pg_stat_statements, pg_surgery, pg_trgm,
 *   pg_visibility, pg_walinspect, pgcrypto, seg, tablefunc, tcn, tsm_system_rows, tsm_system_time,
 *   unaccent, uuid_ossp (+ autoinc, insert_username, refint). pg_trgm works (similarity(), `%`, GIN
 *   gin_trgm_ops index). pgvector, PostGIS and others are separate npm packages, not installed here.
 * - The loaded set must stay the same for a data folder: a function of a created-but-not-loaded
 *   extension fails at query time (`could not access file "pg_trgm"`), and extensions that need
 *   shared_preload_libraries (pg_stat_statements, auto_explain) write postgresql.conf so the folder
 *   no longer opens without them ("PGlite failed to initialize properly"): don't load those.
 * - New folder ~3-5 s (initdb; up to ~15 s on a busy 2-core machine), reopen ~0.3-1 s, ~1 ms per
 *   insert over TCP. A SIGTERM that arrives while a new folder is being created is honoured once
 *   PGlite has opened, so initdb is never cut short.
 * - Hard kill: 4 of 4 SIGKILLs in the middle of an insert loop left a folder that reopened (0.4-1.5 s)
 *   with every acknowledged insert in it; serial ids then skip up to 32 values (sequence caching, as
 *   in PostgreSQL). That is what we saw, not a promise (PRISMA-OFFLINE.md): stop it with a signal.
 * - Only one process may open the folder: this server holds `<DATA_DIR>.lock` (its pid), refuses to
 *   start when a live pglite-server holds it, and takes over, with a warning, a lock whose pid is gone
 *   (left by a hard kill). Anything else that opens the folder in-process must honour the same lock.
 */
import { closeSync, mkdirSync, openSync, readFileSync, readdirSync, unlinkSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The PGlite packages are dependencies of the api package, not of the repository root.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const requireFromApi = createRequire(path.join(repoRoot, 'api/package.json'));

/** The part of PGlite this server touches (the packages are loaded untyped through require). */
interface PGliteDb {
  execProtocolRaw(message: Uint8Array): Promise<Uint8Array>;
  execProtocolRawStream(
    message: Uint8Array,
    options: { syncToFs?: boolean; onRawData: (data: Uint8Array) => void },
  ): Promise<void>;
  runExclusive<T>(fn: () => Promise<T>): Promise<T>;
  isInTransaction(): boolean;
  close(): Promise<void>;
}

const log = (message: string) => console.log(`[pglite] ${message}`);
const fail = (message: string, code = 1): never => {
  console.error(`[pglite] ERROR: ${message}`);
  process.exit(code);
};

function readConfig() {
  const port = Number(process.env.PGLITE_PORT ?? 5433);
  const maxConnections = Number(process.env.PGLITE_MAX_CONNECTIONS ?? 64);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    fail(`PGLITE_PORT must be a port number, got "${process.env.PGLITE_PORT}"`);
  if (!Number.isInteger(maxConnections) || maxConnections < 1)
    fail('PGLITE_MAX_CONNECTIONS must be a positive integer');
  const extensions = (process.env.PGLITE_EXTENSIONS ?? 'pg_trgm')
    .split(',')
    .map((name) => name.trim().replace(/-/g, '_'))
    .filter((name) => name && name !== 'none');
  return {
    dataDir: path.resolve(process.env.DATA_DIR ?? path.join(repoRoot, 'data/pglite')),
    host: process.env.PGLITE_HOST ?? '127.0.0.1',
    port,
    maxConnections,
    extensions,
  };
}

function isRunningServer(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    // A pid reused by an unrelated process after a crash is not an owner.
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('pglite-server');
  } catch {
    return true; // no /proc: trust the pid
  }
}

/** Takes `<dataDir>.lock` (our pid) so that only one process opens the folder; returns a release function. */
function lockDataDir(dataDir: string): () => void {
  const lockPath = `${dataDir}.lock`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(lockPath, 'utf8').trim() === String(process.pid)) unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT')
        fail(
          `cannot create ${lockPath}: does the folder ${path.dirname(lockPath)} exist and is it writable?`,
        );
      if (code !== 'EEXIST') throw error;
    }
    let owner = NaN;
    try {
      owner = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
    } catch {
      continue; // removed meanwhile: try again
    }
    if (Number.isInteger(owner) && owner !== process.pid && isRunningServer(owner)) {
      fail(
        `${dataDir} is in use by pglite-server pid ${owner} (lock ${lockPath}). Stop it (kill -TERM ${owner}) or set DATA_DIR to another folder.`,
        2,
      );
    }
    console.warn(
      `[pglite] WARNING: taking over stale lock ${lockPath} (pid ${Number.isNaN(owner) ? '?' : owner} is not running; it may have been killed, see the note on hard kills)`,
    );
    try {
      unlinkSync(lockPath);
    } catch {
      // another starter took it over first; the next attempt finds its lock
    }
  }
  return fail(`could not take the lock ${lockPath}`);
}

function loadExtensions(names: string[]): Record<string, unknown> {
  const extensions: Record<string, unknown> = {};
  for (const name of names) {
    try {
      extensions[name] = requireFromApi(`@electric-sql/pglite/contrib/${name}`)[name];
    } catch {
      const contrib = path.join(path.dirname(requireFromApi.resolve('@electric-sql/pglite')), 'contrib');
      const known = readdirSync(contrib)
        .filter((file) => file.endsWith('.cjs'))
        .map((file) => file.slice(0, -4));
      fail(`unknown PGlite extension "${name}" in PGLITE_EXTENSIONS; bundled: ${known.join(', ')}`);
    }
  }
  return extensions;
}

const message = (type: string, body: string) => {
  const text = Buffer.from(`${body}\0`);
  const bytes = Buffer.alloc(5 + text.length);
  bytes.write(type, 0, 'latin1');
  bytes.writeInt32BE(4 + text.length, 1);
  text.copy(bytes, 5);
  return new Uint8Array(bytes);
};
const SYNC = new Uint8Array([0x53, 0, 0, 0, 4]);
const ROLLBACK = message('Q', 'ROLLBACK');
const isIdleReadyForQuery = (tail: Uint8Array) =>
  tail.length === 6 &&
  tail[0] === 0x5a &&
  tail[1] === 0 &&
  tail[2] === 0 &&
  tail[3] === 0 &&
  tail[4] === 5 &&
  tail[5] === 0x49;

/**
 * The PGlite that pglite-socket's scheduler sees. The scheduler keeps serving the last client while
 * `isInTransaction()` is true; here that means "until PGlite answered ReadyForQuery(idle)", which also
 * covers a half-sent extended query and COPY. When a client that holds the session disconnects, the
 * scheduler calls exec('ROLLBACK'): roll back whatever it left (an explicit transaction, a half-run
 * extended query) and leave ignore-till-Sync mode, so the next client starts clean.
 */
function oneClientUntilIdle(db: PGliteDb): PGliteDb {
  let holding = false;
  const guarded = {
    isInTransaction: () => holding,
    async execProtocolRawStream(
      raw: Uint8Array,
      options: { syncToFs?: boolean; onRawData: (data: Uint8Array) => void },
    ) {
      let tail = new Uint8Array(0);
      await db.execProtocolRawStream(raw, {
        ...options,
        onRawData: (data) => {
          const joined = new Uint8Array(tail.length + data.length);
          joined.set(tail);
          joined.set(data, tail.length);
          tail = joined.slice(-6);
          options.onRawData(data);
        },
      });
      holding = !isIdleReadyForQuery(tail);
    },
    async exec() {
      await db.runExclusive(async () => {
        await db.execProtocolRaw(ROLLBACK);
        await db.execProtocolRaw(SYNC);
        if (db.isInTransaction()) await db.execProtocolRaw(ROLLBACK);
      });
      holding = false;
    },
  };
  return new Proxy(db, {
    get(target, property) {
      if (Object.hasOwn(guarded, property)) return guarded[property as keyof typeof guarded];
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

interface SocketServer {
  start(): Promise<void>;
  stop(): Promise<void>;
  getServerConn(): string;
}

async function main() {
  const config = readConfig();
  if (process.execArgv.some((arg) => arg.includes('tsx/dist/preflight'))) {
    console.warn(
      '[pglite] WARNING: started through the tsx CLI, which SIGKILLs this server on stop; use `node --import tsx`',
    );
  }
  mkdirSync(path.dirname(config.dataDir), { recursive: true });
  const releaseLock = lockDataDir(config.dataDir);
  process.on('exit', releaseLock);

  let db: PGliteDb | undefined;
  const running: { server?: SocketServer } = {};
  let stopping = false;
  let stopWhenOpen: (() => void) | undefined;
  const stop = async (reason: string, code: number) => {
    if (stopping) return;
    if (!db) {
      // Exiting in the middle of PGlite.create (initdb on a new folder) would leave a broken folder.
      log(`${reason}: will close as soon as PGlite has opened`);
      stopWhenOpen = () => void stop(reason, code);
      return;
    }
    stopping = true;
    log(`${reason}: closing PGlite`);
    setTimeout(() => fail('PGlite did not close within 15 s'), 15_000).unref();
    try {
      await running.server?.stop();
      await db.close();
    } catch (error) {
      console.error(`[pglite] ERROR while closing: ${(error as Error).message}`);
      code = 1;
    }
    releaseLock();
    log('closed');
    process.exit(code);
  };
  process.on('SIGINT', () => void stop('SIGINT', 0));
  process.on('SIGTERM', () => void stop('SIGTERM', 0));
  process.on('SIGHUP', () => void stop('SIGHUP', 0));
  process.on('uncaughtException', (error) => {
    console.error('[pglite] uncaught exception:', error);
    void stop('uncaught exception', 1);
  });

  const { PGlite } = requireFromApi('@electric-sql/pglite');
  const { PGLiteSocketServer } = requireFromApi('@electric-sql/pglite-socket');
  const startedAt = Date.now();
  try {
    db = (await PGlite.create({
      dataDir: config.dataDir,
      extensions: loadExtensions(config.extensions),
    })) as PGliteDb;
  } catch (error) {
    return fail(
      `could not open PGlite in ${config.dataDir}: ${(error as Error).message}. ` +
        'If a server was killed while it held the folder, restore a backup or move the folder away to start empty.',
    );
  }
  if (stopWhenOpen) return stopWhenOpen();

  const server: SocketServer = new PGLiteSocketServer({
    db: oneClientUntilIdle(db),
    host: config.host,
    port: config.port,
    maxConnections: config.maxConnections,
  });
  running.server = server;
  try {
    await server.start();
  } catch (error) {
    await db.close();
    const code = (error as NodeJS.ErrnoException).code;
    return fail(
      code === 'EADDRINUSE'
        ? `port ${config.port} on ${config.host} is already in use: stop what uses it or set PGLITE_PORT`
        : `could not listen on ${config.host}:${config.port}: ${(error as Error).message}`,
    );
  }
  const address = server.getServerConn();
  const port = address.slice(address.lastIndexOf(':') + 1);
  log(
    `ready: DATABASE_URL=postgresql://postgres:postgres@${config.host}:${port}/postgres ` +
      `(data ${config.dataDir}, extensions ${config.extensions.join(',') || 'none'}, opened in ${Date.now() - startedAt} ms)`,
  );
}

await main();
