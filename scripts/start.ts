/**
 * Starts the whole platform on one machine with the embedded defaults (see scripts/start.sh):
 * Temporal dev server (file-backed) → PGlite server → migrations + demo city → web app builds →
 * worker + API. Prints where to go; on Ctrl-C stops them in reverse order so PGlite closes cleanly.
 * Env: PORT (API, 3000), PGLITE_PORT (5433), TEMPORAL_PORT (7233), TEMPORAL_UI_PORT (8233), DATA_DIR (./data).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const dataDir = resolve(process.env.DATA_DIR ?? join(root, 'data'));
const port = process.env.PORT ?? '3000';
const pglitePort = process.env.PGLITE_PORT ?? '5433';
const temporalPort = process.env.TEMPORAL_PORT ?? '7233';
const temporalUiPort = process.env.TEMPORAL_UI_PORT ?? '8233';
const webDir = join(root, '.civicdesk', 'web');
const children: { name: string; child: ChildProcess }[] = [];

const say = (line: string) => console.log(`[start] ${line}`);

function run(name: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${name} failed (exit ${result.status}); see the output above.`);
}

/** Spawns a long-running child; resolves when a line matching `ready` appears on its output. */
function launch(name: string, args: string[], env: NodeJS.ProcessEnv, ready: RegExp): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push({ name, child });
  return new Promise((resolvePromise, reject) => {
    let seen = false;
    const onLine = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        process.stdout.write(`[${name}] ${line}\n`);
        if (!seen && ready.test(line)) {
          seen = true;
          resolvePromise(child);
        }
      }
    };
    child.stdout!.on('data', onLine);
    child.stderr!.on('data', onLine);
    child.once('exit', (code) => {
      if (!seen) reject(new Error(`${name} exited with code ${code} before it was ready`));
      else if (!stopping) {
        say(`${name} exited unexpectedly (code ${code}); stopping everything.`);
        void stop(1);
      }
    });
  });
}

let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  say('stopping…');
  for (const { name, child } of [...children].reverse()) {
    if (child.exitCode !== null) continue;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(name === 'pglite' ? 'SIGINT' : 'SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
  }
  spawnSync('bash', ['scripts/services/temporal.sh', 'stop'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TEMPORAL_PORT: temporalPort },
  });
  process.exit(code);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

try {
  mkdirSync(join(dataDir, 'temporal'), { recursive: true });
  run('Temporal dev server', 'bash', ['scripts/services/temporal.sh', 'start'], {
    TEMPORAL_PORT: temporalPort,
    TEMPORAL_UI_PORT: temporalUiPort,
    TEMPORAL_DB_FILE: join(dataDir, 'temporal', 'temporal.db'),
    TEMPORAL_HEADLESS: '0',
  });
  await launch(
    'pglite',
    ['scripts/services/pglite-server.ts'],
    { DATA_DIR: join(dataDir, 'pglite'), PGLITE_PORT: pglitePort },
    /ready/,
  );
  const env = {
    DATABASE_URL: `postgresql://postgres:postgres@127.0.0.1:${pglitePort}/postgres`,
    TEMPORAL_ADDRESS: `127.0.0.1:${temporalPort}`,
    PORT: port,
    STATIC_DIR: webDir,
  };
  run(
    'Migrations and the demo city',
    process.execPath,
    ['--import', 'tsx', 'api/src/packs/import-cli.ts', 'examples/springfield'],
    env,
  );
  for (const app of ['portal', 'designer']) {
    run(`Building the ${app}`, 'pnpm', [
      '--filter',
      `@civicdesk/${app}`,
      'exec',
      'vite',
      'build',
      '--logLevel',
      'warn',
      '--outDir',
      join(webDir, app),
      '--emptyOutDir',
    ]);
  }
  await launch('worker', ['api/src/worker-main.ts'], env, /worker running/);
  await launch('api', ['api/src/main.ts'], env, /api listening/);
  const base = `http://127.0.0.1:${port}`;
  console.log(`
CivicDesk is running with the Springfield demo city (data in ${dataDir}).

  Resident portal     ${base}/
  Workflow designer   ${base}/designer/
  Open311 API         ${base}/open311/v2/discovery.json   (api_key: springfield-demo-key)
  tRPC API            ${base}/trpc
  Temporal UI         http://127.0.0.1:${temporalUiPort}

  Staff sign-in: sam@springfield.gov / springfield-demo (Streets), pat@… (Parks), sol@… (Sanitation),
  ines@… (311 desk); admin@springfield.gov / springfield-admin.

Press Ctrl-C to stop.`);
} catch (error) {
  console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
  await stop(1);
}
