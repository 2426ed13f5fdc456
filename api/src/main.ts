/**
 * The API process: HTTP server (Open311 + tRPC + web apps) and the outbox relay.
 * Configuration comes from the environment (see config.ts).
 */
import { serve } from '@hono/node-server';
import { loadConfig } from './config.js';
import { createAppContext } from './app-context-factory.js';
import { startOutboxRelay } from './outbox/relay.js';
import { createHttpApp } from './server.js';
import nodemailer from 'nodemailer';
import { startEmailChannel } from './channels/index.js';
import { startNotificationDispatcher } from './notifications/index.js';
import { resolveJurisdiction } from './open311/jurisdiction.js';

const config = loadConfig();
const app = await createAppContext(config);
const relay = startOutboxRelay(app);
// Residents and followers are mailed about status changes once the city's relay is configured.
const notifications = config.SMTP_RELAY_URL
  ? startNotificationDispatcher({
      db: app.db,
      transport: nodemailer.createTransport(config.SMTP_RELAY_URL),
      from: config.EMAIL_FROM,
      publicUrl: config.publicUrl,
      secret: config.UNSUBSCRIBE_SECRET ?? config.SESSION_SECRET,
    })
  : null;
const server = serve(
  {
    fetch: createHttpApp(app, { temporalHealth: app.temporalHealth }).fetch,
    hostname: config.HOST,
    port: config.PORT,
  },
  (info) => {
    console.log(JSON.stringify({ msg: 'api listening', url: `http://${info.address}:${info.port}` }));
  },
);

const email = await startEmailIn();

/** The email-in channel, when configured (EMAIL_LISTEN_PORT and SMTP_RELAY_URL). */
async function startEmailIn() {
  if (config.EMAIL_LISTEN_PORT === undefined) return null;
  if (!config.SMTP_RELAY_URL)
    throw new Error('EMAIL_LISTEN_PORT is set but SMTP_RELAY_URL is not: replies need a relay.');
  const jurisdiction = await resolveJurisdiction(app.db, undefined);
  if (!jurisdiction.ok) throw new Error(`Email-in needs one jurisdiction: ${jurisdiction.message}`);
  const channel = await startEmailChannel({
    db: app.db,
    jurisdictionId: jurisdiction.id,
    listenPort: config.EMAIL_LISTEN_PORT,
    relayUrl: config.SMTP_RELAY_URL,
    publicUrl: config.publicUrl,
    fromAddress: config.EMAIL_FROM,
    media: app.media,
  });
  console.log(JSON.stringify({ msg: 'email-in listening', port: channel.port }));
  return channel;
}

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(JSON.stringify({ msg: 'api stopping', signal }));
  server.close();
  await relay.stop();
  await notifications?.stop();
  await email?.close();
  await app.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
