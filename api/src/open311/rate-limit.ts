/**
 * Per-API-key rate limit for Open311 POSTs: a token bucket that holds up to `burst` submissions and
 * refills at `perMinute`. Over the limit the client gets 429 with Retry-After (our extension: the
 * GeoReport v2 spec lists only 400, 403 and 404).
 *
 * The buckets live in this process's memory. With several API processes behind a load balancer each
 * process keeps its own buckets, so a key may send up to N × the limit in total (N processes), and a
 * restart forgets the buckets. That is enough to stop a runaway client; a hard global quota would
 * need a shared store (PostgreSQL row or Redis) instead.
 */

export interface RateLimitOptions {
  /** Submissions a key may send per minute, on average. */
  perMinute: number;
  /** Submissions a key may send at once after a quiet period; defaults to `perMinute`. */
  burst?: number;
  /** Clock in milliseconds; injected by tests. */
  now?: () => number;
}

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface RateLimiter {
  /** Takes one submission from the key's bucket, or says how long to wait for the next. */
  take(key: string): RateDecision;
}

export const DEFAULT_POSTS_PER_MINUTE = 60;

/** A token-bucket limiter keyed by API key id. */
export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  const capacity = options.burst ?? options.perMinute;
  const perMs = options.perMinute / 60_000;
  const clock = options.now ?? Date.now;
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key) {
      const now = clock();
      const bucket = buckets.get(key) ?? { tokens: capacity, at: now };
      bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.at) * perMs);
      bucket.at = now;
      buckets.set(key, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { ok: true };
      }
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) };
    },
  };
}
