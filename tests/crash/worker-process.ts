/**
 * The real worker process (api/src/worker-main.ts) as a child of the test, so that a drill can
 * SIGKILL it the way a crashed machine or an OOM kill would. Its output goes to a log file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, closeSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface WorkerProcess {
  pid: number;
  /** Kills the process with SIGKILL (no graceful shutdown) and waits until it is gone. */
  kill(): Promise<void>;
  /** Asks for a graceful shutdown (SIGTERM) and waits until the process exits. */
  stop(): Promise<void>;
}

/** Starts a worker process and resolves once it polls its task queue; `logFile` must be new for each process. */
export async function startWorkerProcess(env: {
  DATABASE_URL: string;
  TEMPORAL_ADDRESS: string;
  TEMPORAL_TASK_QUEUE: string;
  logFile: string;
}): Promise<WorkerProcess> {
  const log = openSync(env.logFile, 'wx');
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/src/worker-main.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      DATABASE_URL: env.DATABASE_URL,
      TEMPORAL_ADDRESS: env.TEMPORAL_ADDRESS,
      TEMPORAL_TASK_QUEUE: env.TEMPORAL_TASK_QUEUE,
    },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await waitForRunning(child, env.logFile, exited);
  const stopWith = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return { pid: child.pid!, kill: () => stopWith('SIGKILL'), stop: () => stopWith('SIGTERM') };
}

async function waitForRunning(child: ChildProcess, logFile: string, exited: Promise<void>) {
  const deadline = Date.now() + 120_000;
  let gone = false;
  void exited.then(() => (gone = true));
  while (!readFileSync(logFile, 'utf8').includes('"msg":"worker running"')) {
    if (gone) throw new Error(`The worker process exited during start (log: ${logFile})`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The worker process did not start within 120 s (log: ${logFile})`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
