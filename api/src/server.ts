/**
 * The HTTP surface: Open311 at `/open311/v2`, tRPC at `/trpc`, health at `/healthz`, and — when
 * STATIC_DIR is set — the built portal at `/` and designer at `/designer/`.
 */
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { AppContext } from './app-context.js';
import { open311Routes } from './open311/routes.js';
import { createTrpcContext } from './trpc/context.js';
import { honoRequestClient } from './auth/hono-client.js';
import { appRouter } from './trpc/router.js';
import { mediaRoutes } from './media/routes.js';
import { notificationRoutes } from './notifications/index.js';
import { oidcRoutes } from './auth/oidc/index.js';
import { statsExportRoutes } from './stats/export-route.js';
import { createLogger, healthRoutes, metricsRoutes, requestLogging } from './ops/index.js';

/** Builds the Hono app over a ready AppContext. */
export function createHttpApp(app: AppContext, ops: { temporalHealth?: () => Promise<void> } = {}): Hono {
  const http = new Hono();
  http.use(requestLogging(createLogger({ service: 'api' })));
  http.route('/', healthRoutes(app, ops));
  http.route('/', metricsRoutes(app));
  http.route(
    '/open311/v2',
    open311Routes(app, {
      postsPerMinute: app.config.OPEN311_POSTS_PER_MINUTE,
      // Room for one photo (multipart `media`) besides the form fields.
      maxBodyBytes: app.media.maxBytes + 1024 * 1024,
    }),
  );
  http.route('/', mediaRoutes(app));
  http.route(
    '/',
    notificationRoutes({ db: app.db, secret: app.config.UNSUBSCRIBE_SECRET ?? app.config.SESSION_SECRET }),
  );
  http.route('/', statsExportRoutes(app));
  http.route('/', oidcRoutes(app));
  http.all('/trpc/*', (c) =>
    fetchRequestHandler({
      endpoint: '/trpc',
      req: c.req.raw,
      router: appRouter,
      createContext: ({ req, resHeaders }) =>
        createTrpcContext(app, req.headers, { client: honoRequestClient(c, app.config), resHeaders }),
    }),
  );
  if (app.config.STATIC_DIR) mountWebApps(http, app.config.STATIC_DIR);
  http.onError((error, c) => {
    console.error(error);
    return c.json({ error: 'Something went wrong on our side; please try again.' }, 500);
  });
  return http;
}

/** Serves `<dir>/portal` at `/` and `<dir>/designer` at `/designer/`, each with its index.html as fallback. */
function mountWebApps(http: Hono, dir: string) {
  const root = relative(process.cwd(), dir) || '.';
  for (const [prefix, folder] of [
    ['/designer', 'designer'],
    ['', 'portal'],
  ] as const) {
    const index = join(dir, folder, 'index.html');
    if (!existsSync(index)) continue;
    http.use(
      `${prefix}/*`,
      serveStatic({ root: join(root, folder), rewriteRequestPath: (p) => p.slice(prefix.length) }),
    );
    http.get(`${prefix}/*`, (c) => c.html(readFileSync(index, 'utf8')));
  }
}
