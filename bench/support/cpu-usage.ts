/**
 * Where the machine's CPU went during a benchmark: CPU seconds per component (Temporal server,
 * PostgreSQL, API and worker processes, the load generator itself), read from /proc before and after.
 * On two shared cores the component that uses the most is the one that limits throughput, so the
 * benchmarks print this next to their figures.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

export interface CpuComponent {
  name: string;
  /** The process ids belonging to this component, looked up at each sample (processes come and go). */
  pids(): number[];
}

/**
 * user + system CPU ticks of `pid` (not its reaped children: PostgreSQL's postmaster would count its
 * backends twice); 0 when the process is gone.
 */
function ticksOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the whole line: 11 and 12 after the name.
    return Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
  } catch {
    return 0;
  }
}

/** Process ids whose command line contains `text` (e.g. the Temporal server, PostgreSQL backends). */
export function pidsMatching(text: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (cmdline.includes(text)) pids.push(Number(entry));
    } catch {
      // Exited while listing.
    }
  }
  return pids;
}

/**
 * Samples every component's CPU time now and again at `stop()`. Processes that start or end in
 * between count from when they were first or last seen, so sample often enough (`everyMs`).
 */
export function measureCpu(components: CpuComponent[], everyMs = 1000) {
  // Highest tick count seen per pid, and the count at the first sight, per component.
  const first = new Map<number, number>();
  const last = new Map<number, number>();
  const owner = new Map<number, string>();
  const sample = () => {
    for (const component of components) {
      for (const pid of component.pids()) {
        const ticks = ticksOf(pid);
        if (ticks === 0 && !last.has(pid)) continue;
        if (!first.has(pid)) first.set(pid, ticks);
        last.set(pid, Math.max(last.get(pid) ?? 0, ticks));
        owner.set(pid, component.name);
      }
    }
  };
  const startedAt = performance.now();
  sample();
  const timer = setInterval(sample, everyMs);
  timer.unref();
  return {
    /** CPU seconds per component since the start, and the wall-clock seconds they were used over. */
    stop(): { wallSeconds: number; cpuSeconds: Record<string, number> } {
      sample();
      clearInterval(timer);
      const cpuSeconds: Record<string, number> = Object.fromEntries(components.map((c) => [c.name, 0]));
      for (const [pid, ticks] of last) {
        const name = owner.get(pid)!;
        cpuSeconds[name] = (cpuSeconds[name] ?? 0) + (ticks - (first.get(pid) ?? 0)) / TICKS_PER_SECOND;
      }
      return { wallSeconds: (performance.now() - startedAt) / 1000, cpuSeconds };
    },
  };
}

/** One line for a benchmark's output: each component's CPU seconds and its share of the machine. */
export function cpuLine(usage: { wallSeconds: number; cpuSeconds: Record<string, number> }, cores: number) {
  const capacity = usage.wallSeconds * cores;
  const parts = Object.entries(usage.cpuSeconds)
    .sort(([, a], [, b]) => b - a)
    .map(([name, s]) => `${name} ${s.toFixed(1)} s (${Math.round((100 * s) / capacity)} %)`);
  return `CPU over ${usage.wallSeconds.toFixed(0)} s on ${cores} cores: ${parts.join(', ')}`;
}
