/**
 * The platform's own processes, started as production runs them — the API from its build
 * (`pnpm build:server`, `node api/build/server/main.mjs`), the worker from sources (`node --import
 * tsx api/src/worker-main.ts`) — against a database and task queue of the benchmark's choosing.
 * Each process's resident memory is sampled from /proc while it runs.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface PlatformProcess {
  name: string;
  child: ChildProcess;
  /** Highest resident set size seen, in MiB (sampled every 500 ms). */
  peakRssMiB(): number;
  /** Resident set size now, in MiB (0 once exited). */
  rssMiB(): number;
  /** The last lines the process printed, for error messages. */
  tail(): string;
  /** SIGTERM, then waits (SIGKILL after 20 s). */
  stop(): Promise<void>;
  /** SIGKILL at once, as a crash would. */
  kill(): Promise<void>;
}

/** Resident set size of `pid` in MiB, read from /proc (0 when the process is gone). */
export function rssOfPid(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return kb / 1024;
  } catch {
    return 0;
  }
}

/**
 * Starts node with `args` (a script relative to the repository root and its flags) and `env`;
 * resolves once `ready` is printed.
 */
export async function startProcess(
  name: string,
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
  timeoutMs = 120_000,
): Promise<PlatformProcess> {
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssOfPid(child.pid));
  }, 500);
  sampler.unref();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => clearInterval(sampler));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${name} was not ready after ${timeoutMs} ms:\n${lines.join('\n')}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        lines.push(line);
        if (lines.length > 40) lines.shift();
        if (ready.test(line)) {
          clearTimeout(timer);
          resolve();
        }
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with code ${code} before it was ready:\n${lines.join('\n')}`));
    });
  });
  const stopWith = async (signal: NodeJS.Signals, graceMs: number) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  };
  return {
    name,
    child,
    peakRssMiB: () => Math.max(peak, rssOfPid(child.pid)),
    rssMiB: () => rssOfPid(child.pid),
    tail: () => lines.join('\n'),
    stop: () => stopWith('SIGTERM', 20_000),
    kill: () => stopWith('SIGKILL', 0),
  };
}

/** The environment of an API or worker process of a benchmark platform. */
export function platformEnv(databaseUrl: string, taskQueue: string, port = 0): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    TEMPORAL_TASK_QUEUE: taskQueue,
    PORT: String(port),
    HOST: '127.0.0.1',
    // The load comes from one api_key; the per-key limit protects a city from one runaway app.
    OPEN311_POSTS_PER_MINUTE: '100000000',
    NODE_ENV: 'production',
  };
}

/**
 * The API's memory settings from docs/operations.md ("Processes and topology"): a 160 MB old space
 * (the heap used stays under ~100 MB at full intake; V8 would otherwise grow it to 230 MB before
 * collecting) and two malloc arenas (glibc's default, eight per core, kept ~190 MB of freed native
 * memory resident under load).
 */
const API_NODE_ARGS = ['--max-old-space-size=160'];
const API_ENV = { MALLOC_ARENA_MAX: '2' };

/**
 * Starts an API process and answers it with its base URL (it prints `api listening` with the URL).
 * BENCH_API_NODE_ARGS adds node flags, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile it.
 */
export async function startApi(name: string, env: Record<string, string>) {
  const nodeArgs = process.env.BENCH_API_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  buildServerOnce();
  const args = [...API_NODE_ARGS, ...nodeArgs, '--enable-source-maps', 'api/build/server/main.mjs'];
  const proc = await startProcess(name, args, { ...API_ENV, ...env }, /api listening/);
  const url = /"url":"([^"]+)"/.exec(proc.tail())?.[1];
  if (!url) throw new Error(`${name} did not print its URL:\n${proc.tail()}`);
  return { ...proc, baseUrl: url.replace('0.0.0.0', '127.0.0.1') };
}

/** Starts a worker process (it prints `worker running` once polling); BENCH_WORKER_NODE_ARGS as above. */
export function startWorkerProcess(name: string, env: Record<string, string>) {
  const nodeArgs = process.env.BENCH_WORKER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  return startProcess(
    name,
    [...nodeArgs, '--import', 'tsx', 'api/src/worker-main.ts'],
    env,
    /worker running/,
  );
}

let built = false;

/** Builds the API from the current sources, once per benchmark run (about a second). */
function buildServerOnce(): void {
  if (built) return;
  const result = spawnSync(process.execPath, ['scripts/build-server.mjs'], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`pnpm build:server failed:\n${result.stdout}${result.stderr}`);
  built = true;
}
