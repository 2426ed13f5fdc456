/**
 * Errors as values users can act on: the field in Open311 naming and a message that says what is
 * wrong and how to fix it. API answers, Open311 error bodies and web forms all show these as they are.
 */

export type FieldError = { field: string; message: string };

/** Open311 form name for a path in an intake input: `['attributes', 'depth_cm']` → `attribute[depth_cm]`. */
export function open311FieldName(path: readonly PropertyKey[]): string {
  const [head, code] = path;
  if (head === 'attributes' && code !== undefined) return `attribute[${String(code)}]`;
  return head === undefined ? 'request' : String(head);
}
