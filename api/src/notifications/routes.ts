/**
 * `GET /unsubscribe?request=&email=&sig=` (the link in every notification) and its one-click `POST`
 * twin (RFC 8058, for mail clients' own unsubscribe button): stops mail about one request to one
 * address, for the requester and a follower alike, and answers a small HTML page.
 */
import { Hono } from 'hono';
import type { PrismaClient } from '../db/generated/client.js';
import { escapeHtml } from './templates.js';
import { isValidUnsubscribe } from './unsubscribe-link.js';

export interface NotificationRouteDeps {
  db: PrismaClient;
  /** The secret the dispatcher signs links with. */
  secret: string;
  now?: () => Date;
}

/** The unsubscribe routes, to mount at `/`. */
export function notificationRoutes(deps: NotificationRouteDeps): Hono {
  const routes = new Hono();
  const unsubscribe = async (query: (name: string) => string | undefined) => {
    const requestId = query('request') ?? '';
    const email = (query('email') ?? '').trim().toLowerCase();
    const sig = query('sig') ?? '';
    if (
      !/^\d{1,18}$/.test(requestId) ||
      email === '' ||
      !isValidUnsubscribe(deps.secret, requestId, email, sig)
    )
      return null;
    const at = (deps.now ?? (() => new Date()))();
    const id = BigInt(requestId);
    // Idempotent: a second click changes nothing and answers the same page.
    await deps.db.$transaction([
      deps.db.$executeRaw`
        UPDATE service_requests SET notifications_unsubscribed_at = ${at}
        WHERE id = ${id} AND lower(email) = ${email} AND notifications_unsubscribed_at IS NULL`,
      deps.db.requestFollower.updateMany({
        where: { requestId: id, email, unsubscribedAt: null },
        data: { unsubscribedAt: at },
      }),
    ]);
    return { requestId, email };
  };

  routes.get('/unsubscribe', async (c) => {
    const done = await unsubscribe((name) => c.req.query(name));
    if (!done)
      return c.html(
        page(
          'This link does not work',
          'This unsubscribe link is incomplete or changed. Copy the whole link from the email into your browser and try again.',
        ),
        400,
      );
    return c.html(
      page(
        'You are unsubscribed',
        `We will send no more emails to ${done.email} about request ${done.requestId}. Following the request again subscribes you again.`,
      ),
    );
  });
  routes.post('/unsubscribe', async (c) => {
    const done = await unsubscribe((name) => c.req.query(name));
    return done ? c.body(null, 204) : c.text('Invalid unsubscribe link.', 400);
  });
  return routes;
}

function page(title: string, message: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title></head>
<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem">
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(message)}</p>
</body></html>`;
}
