/**
 * EVERY REST route of the HTTP app (Open311, media, unsubscribe, CSV export, sign-in, ops), with the
 * request each role sends and the HTTP status it must get. Routes are matched by `METHOD path` as
 * Hono registers them; the matrix fails when the app has a route this table does not list.
 */
import { DEMO_API_KEY } from '../support/platform.js';
import type { Fixture } from './fixture.js';
import { ROLES, type Role } from './roles.js';

export interface RestSpec {
  /** Middleware registered for every path (not a route of its own): listed so nothing is unreviewed. */
  middleware?: string;
  /** Registered only when this is configured (the row is not stale when the route is absent). */
  onlyWhen?: string;
  request?: (
    f: Fixture,
    role: Role,
  ) => { path: string; method?: string; body?: string; headers?: Record<string, string> };
  status?: Record<Role, number>;
}

const all = (status: number) => Object.fromEntries(ROLES.map((r) => [r, status])) as Record<Role, number>;
const staffOnly = (status: number) => ({ ...all(status), anonymous: 401, resident: 401 });
const form = (fields: [string, string][]) => ({
  body: new URLSearchParams(fields).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
});

export const restRoutes: Record<string, RestSpec> = {
  'ALL /*': { middleware: 'request logging (request id, access log)' },
  'ALL /trpc/*': { middleware: 'the tRPC endpoint: every procedure is in procedures.ts' },
  'GET /healthz': { request: () => ({ path: '/healthz' }), status: all(200) },
  'GET /readyz': { request: () => ({ path: '/readyz' }), status: all(200) },
  'GET /metrics': { request: () => ({ path: '/metrics' }), status: all(200) },
  'GET /open311/v2/:file': {
    request: () => ({ path: '/open311/v2/requests.json?status=open' }),
    status: all(200),
  },
  'GET /open311/v2/services/:file': {
    request: () => ({ path: '/open311/v2/services/pothole.json' }),
    status: all(200),
  },
  'GET /open311/v2/requests/:file': {
    request: (f) => ({ path: `/open311/v2/requests/${f.request.id}.json?extensions=true` }),
    status: all(200),
  },
  'GET /open311/v2/tokens/:file': {
    // The token is the resident's; whoever holds it sees the public fields only.
    request: (f) => ({ path: `/open311/v2/tokens/${f.request.token}.json` }),
    status: all(200),
  },
  'POST /open311/v2/:file': {
    // Open311 POSTs authenticate with the api_key, never with a staff session.
    request: () => ({
      path: '/open311/v2/requests.json',
      method: 'POST',
      ...form([
        ['api_key', DEMO_API_KEY],
        ['service_code', 'pothole'],
        ['lat', '39.7901'],
        ['long', '-89.6440'],
        ['attribute[depth_cm]', '4'],
        ['attribute[location_type]', 'road'],
      ]),
    }),
    status: all(200),
  },
  'ALL /open311/v2/*': {
    request: () => ({ path: '/open311/v2/requests.json', method: 'DELETE' }),
    status: all(405),
  },
  'POST /media': {
    request: () => ({ path: '/media', method: 'POST', ...form([['x', '1']]) }),
    status: all(400),
  },
  'GET /media/:file': {
    request: () => ({ path: '/media/00000000-0000-4000-8000-000000000000.jpg' }),
    status: all(404),
  },
  'GET /unsubscribe': {
    request: (f) => ({ path: `/unsubscribe?request=${f.request.id}&sig=forged` }),
    status: all(400),
  },
  'POST /unsubscribe': {
    request: (f) => ({ path: `/unsubscribe?request=${f.request.id}&sig=forged`, method: 'POST' }),
    status: all(400),
  },
  'GET /stats/export.csv': {
    // A staff-only view: residents are refused, staff get their departments' rows.
    request: () => ({ path: '/stats/export.csv?view=overdue-tasks&period=day&by=none' }),
    status: staffOnly(200),
  },
  'GET /auth/config': { request: () => ({ path: '/auth/config' }), status: all(200) },
  // Without OIDC configured these paths fall to `ALL /auth/oidc/*` (404 for everyone).
  'GET /auth/oidc/start': {
    onlyWhen: 'OIDC',
    request: () => ({ path: '/auth/oidc/start' }),
    status: all(404),
  },
  'GET /auth/oidc/callback': {
    onlyWhen: 'OIDC',
    request: () => ({ path: '/auth/oidc/callback' }),
    status: all(404),
  },
  'ALL /auth/oidc/*': { request: () => ({ path: '/auth/oidc/logout' }), status: all(404) },
};
