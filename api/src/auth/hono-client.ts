/** The request client (IP, user agent, https) of a Hono request served by @hono/node-server. */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { Config } from '../config.js';
import { requestClient, type RequestClient } from './request-client.js';

/** Reads the TCP peer address when there is one (not for `app.fetch` calls in tests). */
function socketIp(c: Context): string | null {
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null;
  }
}

export function honoRequestClient(c: Context, config: Config): RequestClient {
  return requestClient(config, { url: c.req.url, headers: c.req.raw.headers }, socketIp(c));
}
