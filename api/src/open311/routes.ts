/**
 * Open311 GeoReport v2 over HTTP, in JSON and XML: discovery, services, service definitions, POST
 * and GET requests, tokens, and mySociety's `servicerequestupdates`. Handlers are thin: they read
 * parameters, call the catalogue / intake / request modules, and render. Every answer, refusals
 * included, is an Open311 body with the right status.
 * @see ../../../../shared/OPEN311.md
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppContext } from '../app-context.js';
import { toOpen311Service, toOpen311ServiceDefinition } from '../catalogue/open311-services.js';
import { findOpen311Requests } from '../requests/find-requests.js';
import { loadRequest } from '../requests/load-request.js';
import { toOpen311ExtendedRequest, toOpen311Request } from '../requests/open311-request.js';
import { requestFilters } from '../requests/open311-request-filters.js';
import { findRequestUpdates, updatesRange } from '../requests/open311-request-updates.js';
import { toOpen311Discovery } from './discovery.js';
import { sendOpen311, sendOpen311Errors, splitFormat, type Open311Format } from './format-negotiation.js';
import { resolveJurisdiction } from './jurisdiction.js';
import { postRequest } from './post-request.js';
import { hasControlCharacters, readQueryParams } from './query-params.js';
import { createRateLimiter, DEFAULT_POSTS_PER_MINUTE } from './rate-limit.js';
import { findRequestByToken } from './tokens.js';

export interface Open311Options {
  /** POSTs each api_key may send per minute (token bucket); 60 by default. */
  postsPerMinute?: number;
  /** POSTs a key may send at once after a quiet period; `postsPerMinute` by default. */
  postBurst?: number;
  /** Largest POST body accepted, in bytes; 1 MiB by default. */
  maxBodyBytes?: number;
}

type Query = Record<string, string>;
type Handler = (
  c: Context,
  fmt: Open311Format,
  jurisdictionId: string,
  name: string,
  q: Query,
) => Promise<Response>;

/** The format named by a path's suffix, JSON when there is none (for error bodies). */
const formatOf = (c: Context): Open311Format =>
  /\.xml$/i.test(new URL(c.req.url).pathname) ? 'xml' : 'json';

/** Builds the Open311 router; mount it under the base URL, e.g. `/open311/v2`. */
export function open311Routes(app: AppContext, options: Open311Options = {}): Hono {
  const r = new Hono();
  const perMinute = options.postsPerMinute ?? DEFAULT_POSTS_PER_MINUTE;
  const limiter = createRateLimiter({ perMinute, burst: options.postBurst ?? perMinute });

  /** Runs a handler with the format, query and jurisdiction read, or answers the Open311 error. */
  const withJurisdiction = (handle: Handler) => async (c: Context) => {
    const split = splitFormat(c.req.param('file') ?? '');
    if (!split)
      return sendOpen311Errors(c, 'json', 404, [
        'Add .json or .xml to the path to choose the response format.',
      ]);
    const query = readQueryParams(c.req.url);
    if (!query.ok) return sendOpen311Errors(c, split.format, 400, query.errors);
    const jurisdiction = await resolveJurisdiction(app.db, query.values.jurisdiction_id);
    if (!jurisdiction.ok)
      return sendOpen311Errors(c, split.format, jurisdiction.status, [jurisdiction.message]);
    return handle(c, split.format, jurisdiction.id, split.name, query.values);
  };

  r.get(
    '/:file',
    withJurisdiction(async (c, fmt, jurisdictionId, name, q) => {
      if (name === 'discovery')
        return sendOpen311(c, fmt, 'discovery', await toOpen311Discovery(app, jurisdictionId));
      if (name === 'services') {
        const services = await app.db.service.findMany({
          where: { jurisdictionId, active: true },
          orderBy: { code: 'asc' },
        });
        return sendOpen311(c, fmt, 'services', services.map(toOpen311Service));
      }
      if (name === 'requests') {
        const filters = requestFilters(jurisdictionId, q, app.now());
        if (!filters.ok) return sendOpen311Errors(c, fmt, 400, filters.errors);
        return sendOpen311(c, fmt, 'service_requests', await findOpen311Requests(app.db, filters.query));
      }
      if (name === 'servicerequestupdates') {
        const range = updatesRange(q, app.now());
        if (!range.ok) return sendOpen311Errors(c, fmt, 400, range.errors);
        const updates = await findRequestUpdates(app.db, jurisdictionId, range.from, range.to);
        return sendOpen311(c, fmt, 'service_requests_updates', updates);
      }
      return notFound(c, fmt);
    }),
  );

  r.get(
    '/services/:file',
    withJurisdiction(async (c, fmt, jurisdictionId, code) => {
      const service = hasControlCharacters(code)
        ? null
        : await app.db.service.findFirst({ where: { jurisdictionId, code, active: true } });
      if (!service)
        return sendOpen311Errors(c, fmt, 404, [
          `service_code: there is no service '${clip(code)}'; GET /services lists them.`,
        ]);
      return sendOpen311(c, fmt, 'service_definition', toOpen311ServiceDefinition(service));
    }),
  );

  r.get(
    '/requests/:file',
    withJurisdiction(async (c, fmt, jurisdictionId, id, q) => {
      const extensions = q.extensions?.toLowerCase() === 'true';
      const found = /^\d{1,18}$/.test(id)
        ? await loadRequest(app.db, BigInt(id), { jurisdictionId, timeline: extensions })
        : null;
      if (!found)
        return sendOpen311Errors(c, fmt, 404, [
          `service_request_id: there is no request '${clip(id)}'; ids are whole numbers from the POST answer.`,
        ]);
      const view = extensions ? toOpen311ExtendedRequest(found) : toOpen311Request(found);
      return sendOpen311(c, fmt, 'service_requests', [view]);
    }),
  );

  r.get(
    '/tokens/:file',
    withJurisdiction(async (c, fmt, jurisdictionId, token) => {
      const found = await findRequestByToken(app.db, jurisdictionId, token);
      if (!found)
        return sendOpen311Errors(c, fmt, 404, [
          `token: there is no request with token '${clip(token)}'; check the token you were given.`,
        ]);
      return sendOpen311(c, fmt, 'service_requests', [found]);
    }),
  );

  r.post(
    '/:file',
    bodyLimit({
      maxSize: options.maxBodyBytes ?? 1024 * 1024,
      onError: (c) =>
        sendOpen311Errors(c, formatOf(c), 413, ['The body is too large; shorten the description or fields.']),
    }),
    async (c) => {
      const split = splitFormat(c.req.param('file'));
      if (!split || split.name !== 'requests')
        return sendOpen311Errors(c, split?.format ?? 'json', 404, [
          'Only POST /requests.json or /requests.xml accepts submissions.',
        ]);
      return postRequest(app, limiter, c, split.format);
    },
  );

  r.all('*', (c) => {
    if (c.req.method === 'GET' || c.req.method === 'POST') return notFound(c, formatOf(c));
    c.header('Allow', 'GET, POST');
    return sendOpen311Errors(c, formatOf(c), 405, [
      `${c.req.method} is not part of Open311; use GET to read and POST /requests to submit.`,
    ]);
  });

  r.onError((error, c) => {
    console.error(error);
    return sendOpen311Errors(c, formatOf(c), 500, [
      'Something went wrong on our side; please try again later.',
    ]);
  });

  return r;
}

const notFound = (c: Context, fmt: Open311Format) =>
  sendOpen311Errors(c, fmt, 404, [
    `There is no such resource; see /discovery for services, requests, tokens and servicerequestupdates.`,
  ]);

const clip = (text: string) => (text.length > 80 ? `${text.slice(0, 80)}…` : text);
