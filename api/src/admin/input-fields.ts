/**
 * Admin inputs are checked with zod inside the procedure, so a refusal reaches the client as
 * `fieldErrors` (each naming its field and the fix) instead of tRPC's raw zod dump.
 */
import type { z } from 'zod';
import type { FieldError } from '@civicdesk/schemas';
import { FieldErrorsError } from '../trpc/trpc.js';

/** A zod issue path as a field name: `['attributes', 0, 'code']` → `attributes[0].code`. */
export function fieldPath(path: readonly PropertyKey[], prefix = ''): string {
  let out = prefix;
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || 'input';
}

/** Every issue of a failed parse as a field error. */
export function issuesAsFieldErrors(error: z.ZodError, prefix = ''): FieldError[] {
  return error.issues.map((issue) => ({ field: fieldPath(issue.path, prefix), message: issue.message }));
}

/** Parses `raw` with `schema`, or throws every problem as field errors. */
export function readFields<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new FieldErrorsError(issuesAsFieldErrors(parsed.error));
  return parsed.data;
}

/**
 * A tRPC input that only carries the type of `schema` (the value passes through unchanged); the
 * procedure then calls `readFields(schema, input)` so refusals travel as field errors.
 */
export function typedInput<S extends z.ZodType>(_schema: S) {
  return {
    _input: undefined as unknown as z.input<S>,
    _output: undefined as unknown as z.input<S>,
    parse: (raw: unknown) => raw as z.input<S>,
  };
}
