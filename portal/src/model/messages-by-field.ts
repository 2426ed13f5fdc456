/** Groups the server's field errors by the field that shows them. */
import type { FieldError } from '@civicdesk/schemas';
import { displayField } from './field-id.js';

export type MessagesByField = ReadonlyMap<string, string[]>;

export function messagesByField(errors: readonly FieldError[]): MessagesByField {
  const byField = new Map<string, string[]>();
  for (const { field, message } of errors) {
    const key = displayField(field);
    byField.set(key, [...(byField.get(key) ?? []), message]);
  }
  return byField;
}
