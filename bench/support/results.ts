/** Writes a benchmark's figures as JSON to bench/results/<name>-<timestamp>.json. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

const resultsDir = fileURLToPath(new URL('../results/', import.meta.url));

/** The machine a figure was measured on: cores, memory and load, so a reader can judge it. */
export function machineFacts() {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    loadAverage: loadavg().map((l) => Number(l.toFixed(2))),
    node: process.version,
  };
}

/** Saves `figures` with the date and machine facts; answers the file path. */
export function writeResult(name: string, figures: Record<string, unknown>): string {
  mkdirSync(resultsDir, { recursive: true });
  const at = new Date().toISOString();
  const path = `${resultsDir}${name}-${at.replace(/[:.]/g, '-')}.json`;
  writeFileSync(
    path,
    `${JSON.stringify({ benchmark: name, at, machine: machineFacts(), ...figures }, null, 2)}\n`,
  );
  return path;
}
