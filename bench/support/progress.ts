/**
 * A one-line progress bar on stderr, redrawn a few times a second: done/total, rate, p50/p99 of the
 * latencies so far and the error count. On a terminal it redraws in place; otherwise (CI, a log
 * file) it prints a line every few seconds.
 */
import { quantile } from './stats.js';

export interface ProgressBar {
  /** Records one finished operation with its latency in ms. */
  done(latencyMs: number, ok: boolean): void;
  /** Draws the last state and ends the line. */
  finish(): void;
}

/** Starts a bar for `total` operations labelled `label`; `latency: false` leaves out p50/p99. */
export function progressBar(label: string, total: number, { latency = true } = {}): ProgressBar {
  const started = performance.now();
  const latencies: number[] = [];
  let completed = 0;
  let errors = 0;
  const tty = process.stderr.isTTY;
  let lastLogged = 0;
  const draw = (final: boolean) => {
    const seconds = (performance.now() - started) / 1000;
    const sorted = [...latencies].sort((a, b) => a - b);
    const share = total > 0 ? completed / total : 0;
    const width = 24;
    const filled = Math.round(share * width);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    const text =
      `${label} ${bar} ${completed}/${total} ${(completed / Math.max(seconds, 0.001)).toFixed(1)}/s ` +
      (latency
        ? `p50 ${quantile(sorted, 0.5).toFixed(1)} ms p99 ${quantile(sorted, 0.99).toFixed(1)} ms `
        : '') +
      `errors ${errors} ${seconds.toFixed(0)}s`;
    if (tty) process.stderr.write(`\r${text}\u001b[K${final ? '\n' : ''}`);
    else if (final || seconds - lastLogged >= 5) {
      lastLogged = seconds;
      process.stderr.write(`${text}\n`);
    }
  };
  const timer = setInterval(() => draw(false), tty ? 250 : 1000);
  timer.unref();
  return {
    done(latencyMs, ok) {
      completed += 1;
      if (ok) latencies.push(latencyMs);
      else errors += 1;
    },
    finish() {
      clearInterval(timer);
      draw(true);
    },
  };
}
