/**
 * New steps start with blanks ('' exits, `[]` rules, `{}` outcomes). Written to YAML those are `""`,
 * `[]` and `{}`, and filling them in place would keep the quotes and the flow style. So a blank that
 * gets filled is first removed, then written afresh in the file's block style.
 */

const isPlain = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** '', [], {} and maps holding only blanks (a new rule's `when: { all: [] }`). */
function isBlank(value: unknown): boolean {
  if (value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return isPlain(value) && Object.values(value).every(isBlank);
}

/** `previous` less the blanks that `next` fills; undefined if `next` fills none. */
export function withoutFilledBlanks<T>(previous: T, next: T): T | undefined {
  const result = strip(previous, next);
  return result.changed ? (result.value as T) : undefined;
}

function strip(previous: unknown, next: unknown): { value: unknown; changed: boolean } {
  if (isBlank(previous) && next !== undefined && !isBlank(next)) return { value: undefined, changed: true };
  if (isPlain(previous) && isPlain(next)) {
    let changed = false;
    const value: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(previous)) {
      const stripped = strip(inner, next[key]);
      changed ||= stripped.changed;
      if (stripped.value !== undefined) value[key] = stripped.value;
    }
    return { value, changed };
  }
  if (Array.isArray(previous) && Array.isArray(next) && previous.length === next.length) {
    const items = previous.map((inner, index) =>
      isPlain(inner) ? strip(inner, next[index]) : { value: inner, changed: false },
    );
    return { value: items.map((item) => item.value), changed: items.some((item) => item.changed) };
  }
  return { value: previous, changed: false };
}
