/**
 * The API's and worker's configuration, read once at start from the environment and validated.
 * Nothing else in the code reads process.env.
 */
import { isIPv4, isIPv6 } from 'node:net';
import { z } from 'zod';
import { mediaConfigSchema } from './media/media-settings.js';
import { geocoderConfigSchema } from './geo/geocoder-from-config.js';
import { oidcConfigSchema } from './auth/oidc/oidc-settings.js';

const configSchema = z
  .object({
    DATABASE_URL: z.string().url().default('postgresql://civicdesk:civicdesk@127.0.0.1:5432/civicdesk'),
    TEMPORAL_ADDRESS: z.string().default('127.0.0.1:7233'),
    TEMPORAL_NAMESPACE: z.string().default('default'),
    TEMPORAL_TASK_QUEUE: z.string().default('civicdesk-requests'),
    HOST: z.string().default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    PUBLIC_URL: z.string().url().optional(),
    /** Signs staff session tokens. Must be set (≥ 32 chars) in production. */
    SESSION_SECRET: z.string().min(32).default('development-only-secret-change-me-0123456789'),
    /** Staff sessions end this many hours after sign-in, and after this many idle minutes. */
    SESSION_TTL_HOURS: z.coerce.number().positive().max(720).default(12),
    SESSION_IDLE_MINUTES: z.coerce.number().positive().max(43200).default(120),
    /** The session cookie's Secure flag: `auto` sets it when the request (or PUBLIC_URL) is https. */
    SESSION_COOKIE_SECURE: z.enum(['auto', 'always', 'never']).default('auto'),
    /** Behind a reverse proxy: trust X-Forwarded-For / X-Forwarded-Proto for client IP and https. */
    TRUST_PROXY: z
      .enum(['true', 'false', '1', '0'])
      .default('false')
      .transform((v) => v === 'true' || v === '1'),
    /** Login rate limit: failed sign-ins allowed per email + IP, and per IP, within the window. */
    LOGIN_MAX_FAILURES_PER_EMAIL_IP: z.coerce.number().int().positive().default(5),
    LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().positive().default(50),
    LOGIN_FAILURE_WINDOW_MINUTES: z.coerce.number().positive().default(15),
    OUTBOX_POLL_MS: z.coerce.number().int().positive().default(200),
    /**
     * Runs a worker keeps in memory between their workflow tasks (Temporal's sticky cache). A run
     * that is not cached replays its whole history to take a clerk's completion. Unset: the SDK's
     * default, from the heap limit (about 2,300 with a 4 GB heap).
     */
    WORKER_MAX_CACHED_WORKFLOWS: z.coerce
      .number({ error: 'WORKER_MAX_CACHED_WORKFLOWS: give a whole number of runs, e.g. 5000' })
      .int('WORKER_MAX_CACHED_WORKFLOWS: give a whole number of runs, e.g. 5000')
      .min(2, 'WORKER_MAX_CACHED_WORKFLOWS: at least 2 (the SDK needs room for its tasks in flight)')
      .optional(),
    /**
     * The worker's Prometheus endpoint for Temporal's own metrics (workflow and activity failures,
     * schedule-to-start latency), as ip:port. Off when unset or empty: workers sharing a machine
     * each need their own port, and a port already in use stops the worker at start.
     */
    WORKER_METRICS_ADDRESS: z
      .string()
      .refine((value) => value === '' || isSocketAddress(value), {
        message:
          'expected ip:port to serve worker metrics on, e.g. 127.0.0.1:9464 or [::1]:9464 (an IP address, not a host name; port 1-65535); leave it empty to turn worker metrics off',
      })
      .optional()
      .transform((value) => value || undefined),
    STATIC_DIR: z.string().optional(),
    /** Email-in channel: SMTP port to listen on (unset: no email channel). */
    EMAIL_LISTEN_PORT: z.coerce.number().int().min(0).max(65535).optional(),
    /** The city's outgoing SMTP relay for replies, e.g. smtp://relay.springfield.gov:25. */
    SMTP_RELAY_URL: z.string().url().optional(),
    EMAIL_FROM: z.string().default('311@localhost'),
    /** Signs the unsubscribe links in resident mail; SESSION_SECRET when unset. */
    UNSUBSCRIBE_SECRET: z.string().min(32).optional(),
    /** Open311 POSTs each api_key may send per minute (per API process). */
    OPEN311_POSTS_PER_MINUTE: z.coerce.number().int().positive().default(60),
  })
  .extend(mediaConfigSchema.shape)
  .extend(geocoderConfigSchema.shape)
  .extend(oidcConfigSchema.shape);

/** "127.0.0.1:9464" or "[::1]:9464": what the Temporal Core SDK can bind (it resolves no host names). */
function isSocketAddress(value: string): boolean {
  const match = /^(?:\[([^\]]+)\]|([^:[\]]+)):(\d{1,5})$/.exec(value);
  if (!match) return false;
  const [, ipv6, ipv4, port] = match;
  const ipOk = ipv6 !== undefined ? isIPv6(ipv6) : isIPv4(ipv4 ?? '');
  return ipOk && Number(port) >= 1 && Number(port) <= 65535;
}

export type Config = z.infer<typeof configSchema> & { publicUrl: string };

/** Parses the environment; a bad value stops the process with a message naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  return { ...c, publicUrl: c.PUBLIC_URL ?? `http://${c.HOST}:${c.PORT}` };
}
