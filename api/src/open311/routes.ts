/**
 * Open311 GeoReport v2 over HTTP: discovery, services, service definitions, POST and GET requests,
 * in JSON and XML. Handlers are thin: they read parameters, call the catalogue / intake / request
 * modules, and render.
 * @see ../../../../shared/OPEN311.md
 */
import { Hono, type Context } from 'hono';
import type { AppContext } from '../app-context.js';
import { toOpen311Service, toOpen311ServiceDefinition } from '../catalogue/open311-services.js';
import { submitRequest } from '../intake/submit-request.js';
import { toOpen311Request } from '../requests/open311-request.js';
import { MAX_RESULTS, requestFilters } from '../requests/open311-request-filters.js';
import { checkApiKey } from './api-keys.js';
import { readOpen311PostFields } from './form-fields.js';
import { sendOpen311, sendOpen311Errors, splitFormat, type Open311Format } from './format-negotiation.js';
import { resolveJurisdiction } from './jurisdiction.js';
import { toOpen311Discovery } from './discovery.js';

const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Builds the Open311 router; mount it under the base URL, e.g. `/open311/v2`. */
export function open311Routes(app: AppContext): Hono {
  const r = new Hono();

  /** Runs a handler with the format and jurisdiction resolved, or answers the Open311 error. */
  const withJurisdiction =
    (
      file: (c: Context) => string,
      handle: (c: Context, fmt: Open311Format, jurisdictionId: string, name: string) => Promise<Response>,
    ) =>
    async (c: Context) => {
      const split = splitFormat(file(c));
      if (!split)
        return sendOpen311Errors(c, 'json', 404, [
          'Add .json or .xml to the path to choose the response format.',
        ]);
      const jurisdiction = await resolveJurisdiction(app.db, c.req.query('jurisdiction_id'));
      if (!jurisdiction.ok)
        return sendOpen311Errors(c, split.format, jurisdiction.status, [jurisdiction.message]);
      return handle(c, split.format, jurisdiction.id, split.name);
    };

  const topLevel = withJurisdiction(
    (c) => c.req.param('file')!,
    async (c, fmt, jurisdictionId, name) => {
      if (name === 'discovery')
        return sendOpen311(c, fmt, 'discovery', await toOpen311Discovery(app, jurisdictionId));
      if (name === 'services') {
        const services = await app.db.service.findMany({
          where: { jurisdictionId, active: true },
          orderBy: { code: 'asc' },
        });
        return sendOpen311(c, fmt, 'services', services.map(toOpen311Service));
      }
      if (name === 'requests') return listRequests(c, fmt, jurisdictionId);
      return sendOpen311Errors(c, fmt, 404, [`There is no /${name} resource; see /discovery.${fmt}.`]);
    },
  );
  r.get('/:file', topLevel);

  r.get(
    '/services/:file',
    withJurisdiction(
      (c) => c.req.param('file')!,
      async (c, fmt, jurisdictionId, code) => {
        const service = await app.db.service.findFirst({ where: { jurisdictionId, code, active: true } });
        if (!service)
          return sendOpen311Errors(c, fmt, 404, [
            `service_code: there is no service '${code}'; GET /services.${fmt} lists them.`,
          ]);
        return sendOpen311(c, fmt, 'service_definition', toOpen311ServiceDefinition(service));
      },
    ),
  );

  r.get(
    '/requests/:file',
    withJurisdiction(
      (c) => c.req.param('file')!,
      async (c, fmt, jurisdictionId, id) => {
        const found = /^\d{1,18}$/.test(id)
          ? await app.db.serviceRequest.findFirst({
              where: { id: BigInt(id), jurisdictionId },
              include: { service: true, department: true },
            })
          : null;
        if (!found)
          return sendOpen311Errors(c, fmt, 404, [`service_request_id: there is no request '${id}'.`]);
        return sendOpen311(c, fmt, 'service_requests', [toOpen311Request(found)]);
      },
    ),
  );

  async function listRequests(c: Context, fmt: Open311Format, jurisdictionId: string) {
    const filters = requestFilters(jurisdictionId, c.req.query(), app.now());
    if (!filters.ok) return sendOpen311Errors(c, fmt, 400, filters.errors);
    const rows = await app.db.serviceRequest.findMany({
      where: filters.where,
      include: { service: true, department: true },
      orderBy: { requestedAt: 'desc' },
      take: MAX_RESULTS,
    });
    return sendOpen311(c, fmt, 'service_requests', rows.map(toOpen311Request));
  }

  r.post('/:file', async (c) => {
    const split = splitFormat(c.req.param('file'));
    if (!split || split.name !== 'requests') {
      return sendOpen311Errors(c, split?.format ?? 'json', 404, [
        'Only POST /requests.json or /requests.xml accepts submissions.',
      ]);
    }
    const fmt = split.format;
    const form = await readForm(c);
    if (!form) {
      return sendOpen311Errors(c, fmt, 400, [
        'The body must be form fields (application/x-www-form-urlencoded or multipart/form-data), as Open311 specifies.',
      ]);
    }
    const { fields, attributes } = readOpen311PostFields(form);
    const jurisdiction = await resolveJurisdiction(
      app.db,
      fields.jurisdiction_id ?? c.req.query('jurisdiction_id'),
    );
    if (!jurisdiction.ok) return sendOpen311Errors(c, fmt, jurisdiction.status, [jurisdiction.message]);
    const now = app.now();
    if (!(await checkApiKey(app.db, jurisdiction.id, fields.api_key, now))) {
      return sendOpen311Errors(c, fmt, 403, [
        fields.api_key
          ? 'api_key: this key is not valid here (wrong, revoked or for another jurisdiction); ask the city for a key.'
          : 'api_key: POST requires an api_key; ask the city for one.',
      ]);
    }
    const { api_key: _key, jurisdiction_id: _j, ...rest } = fields;
    const result = await submitRequest(
      app.db,
      jurisdiction.id,
      { ...rest, attributes, channel: 'open311' },
      now,
    );
    if (!result.ok)
      return sendOpen311Errors(
        c,
        fmt,
        result.status,
        result.errors.map((e) => `${e.field}: ${e.message}`),
      );
    const { request } = result;
    return sendOpen311(c, fmt, 'service_requests', [
      {
        service_request_id: request.id,
        service_notice: request.serviceNotice ?? '',
        account_id: request.accountId,
        ...(request.expectedAt ? { expected_datetime: iso(request.expectedAt) } : {}),
      },
    ]);
  });

  return r;
}

/** Form pairs from a urlencoded or multipart body; null for any other body. */
async function readForm(c: Context): Promise<[string, string][] | null> {
  const type = c.req.header('content-type') ?? '';
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)) return null;
  try {
    const form = await c.req.raw.formData();
    const pairs: [string, string][] = [];
    form.forEach((value, key) => {
      if (typeof value === 'string') pairs.push([key, value]);
    });
    return pairs;
  } catch {
    return null;
  }
}
