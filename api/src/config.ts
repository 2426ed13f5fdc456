/**
 * The API's and worker's configuration, read once at start from the environment and validated.
 * Nothing else in the code reads process.env.
 */
import { z } from 'zod';
import { mediaConfigSchema } from './media/media-settings.js';
import { geocoderConfigSchema } from './geo/geocoder-from-config.js';

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
    OUTBOX_POLL_MS: z.coerce.number().int().positive().default(200),
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
  .extend(geocoderConfigSchema.shape);

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
