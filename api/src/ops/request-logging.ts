/**
 * Hono middleware: gives every HTTP request an id (the caller's `x-request-id` when sane, else a
 * new UUID), echoes it in the response header and logs method, path, status and duration.
 */
import type { MiddlewareHandler } from 'hono';
import { randomUUID } from 'node:crypto';
import type { Logger } from './logger.js';

export const REQUEST_ID_HEADER = 'x-request-id';

/** A caller-supplied id is kept only when short and printable, so it cannot forge log lines. */
const acceptableId = /^[A-Za-z0-9._:-]{1,128}$/;

export interface RequestLoggingVariables {
  requestId: string;
  log: Logger;
}

/** Request id + access log; handlers read `c.get('requestId')` and `c.get('log')`. */
export function requestLogging(logger: Logger): MiddlewareHandler<{ Variables: RequestLoggingVariables }> {
  return async (c, next) => {
    const started = performance.now();
    const incoming = c.req.header(REQUEST_ID_HEADER);
    const requestId = incoming && acceptableId.test(incoming) ? incoming : randomUUID();
    const log = logger.child({ requestId });
    c.set('requestId', requestId);
    c.set('log', log);
    try {
      await next();
    } finally {
      c.header(REQUEST_ID_HEADER, requestId);
      const status = c.res.status;
      const fields = {
        method: c.req.method,
        path: c.req.path,
        status,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
      };
      if (status >= 500) log.error('http request', fields);
      else log.info('http request', fields);
    }
  };
}
