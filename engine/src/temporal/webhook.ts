/** The webhook activity: one HTTP call per attempt, with a timeout; Temporal retries failed attempts. */
import { ApplicationFailure } from '@temporalio/common';
import { durationMs } from '../core/index.js';

export interface CallWebhookInput {
  node: string;
  url: string;
  method: string;
  headers: Record<string, string>;
  body: Record<string, unknown> | null;
  /** ISO 8601 duration for one attempt. */
  timeout: string;
  /** Sent as the Idempotency-Key header, so the receiver can drop a repeated call. */
  key: string;
}

const maxAnswer = 64_000;

/** Calls the URL; answers the parsed JSON (or text) body, or throws so Temporal retries. */
export async function callWebhook(input: CallWebhookInput): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(input.url, {
      method: input.method,
      headers: {
        ...(input.body ? { 'content-type': 'application/json' } : {}),
        'idempotency-key': input.key,
        ...input.headers,
      },
      ...(input.body ? { body: JSON.stringify(input.body) } : {}),
      signal: AbortSignal.timeout(durationMs(input.timeout)),
    });
  } catch (error) {
    const reason =
      error instanceof Error && error.name === 'TimeoutError'
        ? `timed out after ${input.timeout}`
        : String(error);
    throw ApplicationFailure.retryable(`${input.method} ${input.url} ${reason}`, 'WebhookUnreachable');
  }
  const text = (await response.text()).slice(0, maxAnswer);
  if (!response.ok) {
    throw ApplicationFailure.retryable(
      `${input.method} ${input.url} answered HTTP ${response.status}`,
      'WebhookFailed',
    );
  }
  if (!(response.headers.get('content-type') ?? '').includes('json')) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
