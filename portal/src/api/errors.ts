/** Reads what a failed call tells the person: per-field messages, the tRPC code, or a plain message. */
import { TRPCClientError } from '@trpc/client';
import type { FieldError } from '@civicdesk/schemas';

type ErrorData = { code?: string; fieldErrors?: FieldError[] } | undefined;

/** The server's per-field messages (Open311 field names), empty when the failure was not about fields. */
export function fieldErrorsOf(error: unknown): FieldError[] {
  if (!(error instanceof TRPCClientError)) return [];
  return (error.data as ErrorData)?.fieldErrors ?? [];
}

/** The tRPC error code (`CONFLICT`, `UNAUTHORIZED`, ...) of a failed call, if any. */
export function errorCode(error: unknown): string | undefined {
  return error instanceof TRPCClientError ? (error.data as ErrorData)?.code : undefined;
}

/** The server's message, or null when the request never reached it (offline, server down). */
export function serverMessage(error: unknown): string | null {
  if (error instanceof TRPCClientError && error.data) return error.message;
  return null;
}
