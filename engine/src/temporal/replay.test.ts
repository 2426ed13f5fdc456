import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { Worker } from '@temporalio/worker';
import { quietLogger, quietTemporalLogs } from './test-harness.js';
import { getWorkflowBundle } from './worker.js';

// Histories recorded from real runs (RECORD_HISTORIES=1 with the integration tests). If a change to the
// workflow or the core makes one fail, running requests would break on replay: version the change instead.
const dir = new URL('./histories/', import.meta.url);
const files = readdirSync(dir).filter((file) => file.endsWith('.json'));
quietTemporalLogs();

describe('recorded histories replay on the current workflow code', { timeout: 60_000 }, () => {
  it.each(files)('%s', async (file) => {
    const history: unknown = JSON.parse(readFileSync(new URL(file, dir), 'utf8'));
    await Worker.runReplayHistory({ workflowBundle: await getWorkflowBundle(quietLogger) }, history);
  });
});
