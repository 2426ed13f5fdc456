/**
 * The worker's Temporal log lines as our JSON lines: what workflow and activity code logs (e.g. the
 * run's start with the intake trace id) at INFO and above, the SDK's own chatter only from WARN.
 */
import { DefaultLogger, type LogEntry } from '@civicdesk/engine/temporal/worker';
import type { Logger } from './logger.js';

const fromProductCode = (entry: LogEntry) =>
  entry.meta?.sdkComponent === 'workflow' || entry.meta?.sdkComponent === 'activity';

/** A Temporal Runtime logger writing through `logger` (one JSON object per line). */
export function temporalJsonLogger(logger: Logger): DefaultLogger {
  return new DefaultLogger('INFO', (entry) => {
    const { level, message, meta } = entry;
    if ((level === 'INFO' && !fromProductCode(entry)) || level === 'TRACE' || level === 'DEBUG') return;
    const fields = { ...meta };
    if (level === 'ERROR') logger.error(message, fields);
    else if (level === 'WARN') logger.warn(message, fields);
    else logger.info(message, fields);
  });
}
