/**
 * The notification dispatcher: mails every queued e-mail notification to the request's requester and
 * followers. Rows are leased in one statement (`FOR UPDATE SKIP LOCKED` + `locked_until`), as the
 * outbox relay does, so several API processes dispatch side by side and no transaction stays open
 * while the relay is talking. Each address mailed is recorded on the row at once, so a retry after a
 * partial failure mails nobody twice. A failure backs off (error kept on the row); after `maxAttempts`
 * the row is left alone. SMS rows are not handled here (no SMS gateway yet).
 */
import type { Transporter } from 'nodemailer';
import type { PrismaClient } from '../db/generated/client.js';
import { loadRequestMailFacts, type Recipient, type RequestMailFacts } from './recipients.js';
import { renderNotification } from './templates.js';
import { unsubscribeUrl } from './unsubscribe-link.js';

export interface NotificationDispatcherOptions {
  db: PrismaClient;
  /** The city's outgoing relay, e.g. `nodemailer.createTransport(config.SMTP_RELAY_URL)`. */
  transport: Transporter;
  /** Sender address (config EMAIL_FROM). */
  from: string;
  /** Where residents reach the portal (config.publicUrl); links are built on it. */
  publicUrl: string;
  /** Signs unsubscribe links; the same secret must be given to `notificationRoutes`. */
  secret: string;
  pollMs?: number;
  /** False: no background polling, only `drainOnce()` calls send (tests, one-shot scripts). */
  poll?: boolean;
  now?: () => Date;
  /** Tries per row before giving up (default 8). */
  maxAttempts?: number;
  onError?: (error: unknown) => void;
}

export interface NotificationDispatcher {
  /** Sends every due row once (in batches); answers how many rows were handled. */
  drainOnce(): Promise<number>;
  /** Skips the poll wait. */
  nudge(): void;
  stop(): Promise<void>;
}

interface LeasedRow {
  id: bigint;
  requestId: bigint;
  template: string;
  data: unknown;
  attempts: number;
  deliveredTo: string[];
}

const LEASE_SECONDS = 60;
const BATCH = 20;
const backoffMs = (attempts: number) => Math.min(15 * 60_000, 2_000 * 2 ** attempts);

/** Starts polling for due notifications until `stop()`. */
export function startNotificationDispatcher(options: NotificationDispatcherOptions): NotificationDispatcher {
  const now = options.now ?? (() => new Date());
  const maxAttempts = options.maxAttempts ?? 8;
  const onError = options.onError ?? console.error;

  async function leaseBatch(): Promise<LeasedRow[]> {
    const at = now();
    return options.db.$queryRaw<LeasedRow[]>`
      UPDATE notifications SET locked_until = ${at}::timestamptz + make_interval(secs => ${LEASE_SECONDS})
      WHERE id IN (
        SELECT id FROM notifications
        WHERE sent_at IS NULL AND channel = 'email' AND attempts < ${maxAttempts}
          AND available_at <= ${at}::timestamptz AND (locked_until IS NULL OR locked_until < ${at}::timestamptz)
        ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
      RETURNING id, request_id AS "requestId", template, data, attempts, delivered_to AS "deliveredTo"`;
  }

  async function send(row: LeasedRow, facts: RequestMailFacts, to: Recipient): Promise<void> {
    const unsubscribe = unsubscribeUrl(options.publicUrl, options.secret, facts.requestId, to.email);
    const base = options.publicUrl.replace(/\/+$/, '');
    // Only the requester gets the token: with it the tracking page shows their name and contact details.
    const trackingUrl =
      to.kind === 'requester'
        ? `${base}/track/${facts.requestId}?token=${facts.token}`
        : `${base}/track/${facts.requestId}`;
    const mail = renderNotification(row.template, (row.data ?? {}) as Record<string, unknown>, {
      requestId: facts.requestId,
      serviceName: facts.serviceName,
      address: facts.address,
      trackingUrl,
      unsubscribeUrl: unsubscribe,
      recipient: to.kind,
    });
    await options.transport.sendMail({
      from: options.from,
      to: to.email,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: {
        'Auto-Submitted': 'auto-generated',
        'List-Unsubscribe': `<${unsubscribe}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
    });
  }

  async function handle(row: LeasedRow): Promise<void> {
    try {
      const facts = await loadRequestMailFacts(options.db, row.requestId);
      const done = new Set(row.deliveredTo);
      for (const to of facts.recipients) {
        if (done.has(to.email)) continue;
        await send(row, facts, to);
        await options.db.notification.update({
          where: { id: row.id },
          data: { deliveredTo: { push: to.email } },
        });
      }
      await options.db.notification.update({
        where: { id: row.id },
        data: { sentAt: now(), attempts: row.attempts + 1, lastError: null, lockedUntil: null },
      });
    } catch (error) {
      await options.db.notification.update({
        where: { id: row.id },
        data: {
          attempts: row.attempts + 1,
          lastError: error instanceof Error ? error.message : String(error),
          availableAt: new Date(now().getTime() + backoffMs(row.attempts)),
          lockedUntil: null,
        },
      });
    }
  }

  async function drainOnce(): Promise<number> {
    let handled = 0;
    for (;;) {
      const rows = await leaseBatch();
      for (const row of rows) await handle(row);
      handled += rows.length;
      if (rows.length < BATCH) return handled;
    }
  }

  let stopped = options.poll === false;
  let wake: (() => void) | null = null;
  const loop = (async () => {
    while (!stopped) {
      try {
        await drainOnce();
      } catch (error) {
        onError(error);
      }
      if (stopped) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, options.pollMs ?? 1_000);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
    }
  })();
  return {
    drainOnce,
    nudge: () => wake?.(),
    stop: async () => {
      stopped = true;
      wake?.();
      await loop;
    },
  };
}
