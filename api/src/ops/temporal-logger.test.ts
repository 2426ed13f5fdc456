import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';
import { temporalJsonLogger } from './temporal-logger.js';

describe('temporalJsonLogger', () => {
  const lines: Record<string, unknown>[] = [];
  const temporal = temporalJsonLogger(
    createLogger({ service: 'worker' }, (_level, line) =>
      lines.push(JSON.parse(line) as Record<string, unknown>),
    ),
  );

  it("writes workflow code's INFO lines as JSON with their workflow fields", () => {
    lines.length = 0;
    temporal.info('Request run started', {
      sdkComponent: 'workflow',
      workflowId: 'request-7',
      traceId: 'lb-1',
    });
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'info',
        msg: 'Request run started',
        service: 'worker',
        workflowId: 'request-7',
        traceId: 'lb-1',
      }),
    ]);
  });

  it("drops the SDK's own INFO chatter but keeps its warnings and errors", () => {
    lines.length = 0;
    temporal.info('Worker state changed', { sdkComponent: 'worker', state: 'RUNNING' });
    temporal.debug('Workflow bundle created', { sdkComponent: 'worker' });
    temporal.warn('Activity failed', { sdkComponent: 'worker', attempt: 2 });
    temporal.error('Poll failed', { sdkComponent: 'core' });
    expect(lines.map((l) => [l.level, l.msg])).toEqual([
      ['warn', 'Activity failed'],
      ['error', 'Poll failed'],
    ]);
  });
});
