/**
 * Runs one admin change: busy while it runs, then the server's field errors (by field path) or its
 * message, so each form can show the fix beside the field it concerns.
 */
import { useCallback, useState } from 'react';
import type { FieldError } from '@civicdesk/schemas';
import { fieldErrorsOf, serverMessage } from '../api/errors.js';

export interface AdminAction {
  busy: boolean;
  fieldErrors: FieldError[];
  /** A refusal that is not about one field, or '' when the server could not be reached. */
  message: string | null;
  /** The messages for one field path, e.g. `attributes[0].values`. */
  messagesFor(field: string): string[];
  /** Runs `change`; answers its result, or undefined when it was refused. */
  run<T>(change: () => Promise<T>): Promise<T | undefined>;
  clear(): void;
}

export function useAdminAction(): AdminAction {
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldError[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const clear = useCallback(() => {
    setFieldErrors([]);
    setMessage(null);
  }, []);
  const run = useCallback(async <T>(change: () => Promise<T>) => {
    setBusy(true);
    setFieldErrors([]);
    setMessage(null);
    try {
      return await change();
    } catch (error) {
      const fields = fieldErrorsOf(error);
      setFieldErrors(fields);
      setMessage(fields.length ? null : (serverMessage(error) ?? ''));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  const messagesFor = useCallback(
    (field: string) => fieldErrors.filter((e) => e.field === field).map((e) => e.message),
    [fieldErrors],
  );
  return { busy, fieldErrors, message, messagesFor, run, clear };
}
