/**
 * A platform process (API or worker) started as production starts it, for tests that need the real
 * process: its output lines are kept, and start resolves once a line says it is ready.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { eventually } from './platform.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface NodeProcess {
  child: ChildProcess;
  /** Every line it printed, stdout and stderr. */
  output: string[];
  /** The first line that matched `ready`. */
  readyLine: string;
  exited: Promise<void>;
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<void>;
}

/**
 * Starts `node <args>` in the repository root with `env` added to this process's environment;
 * resolves when a printed line contains `ready`, fails with the output if it exits first.
 */
export async function startNodeProcess(
  what: string,
  args: string[],
  env: Record<string, string>,
  ready: string,
  timeoutMs = 120_000,
): Promise<NodeProcess> {
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const collect = (chunk: Buffer) => output.push(...chunk.toString().split('\n').filter(Boolean));
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let gone = false;
  void exited.then(() => (gone = true));
  const readyLine = await eventually(
    async () => {
      if (gone) throw new Error(`${what} exited during start:\n${output.join('\n')}`);
      return output.find((line) => line.includes(ready));
    },
    `${what} to start`,
    timeoutMs,
  );
  return {
    child,
    output,
    readyLine,
    exited,
    async stop() {
      if (!gone) child.kill('SIGTERM');
      await exited;
    },
  };
}
