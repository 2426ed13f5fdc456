/**
 * The API process: HTTP server (Open311 + tRPC + web apps) and the outbox relay.
 * Configuration comes from the environment (see config.ts).
 */
import { serve } from '@hono/node-server';
import { loadConfig } from './config.js';
import { createAppContext } from './app-context-factory.js';
import { startOutboxRelay } from './outbox/relay.js';
import { createHttpApp } from './server.js';

const config = loadConfig();
const app = await createAppContext(config);
const relay = startOutboxRelay(app);
const server = serve(
  { fetch: createHttpApp(app).fetch, hostname: config.HOST, port: config.PORT },
  (info) => {
    console.log(JSON.stringify({ msg: 'api listening', url: `http://${info.address}:${info.port}` }));
  },
);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(JSON.stringify({ msg: 'api stopping', signal }));
  server.close();
  await relay.stop();
  await app.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
