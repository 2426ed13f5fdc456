/** Reads and writes a node field by the path the graph names wires with: `rules[0].next`, `outcomes.done`. */

type Key = string | number;

/** `rules[0].next` → ['rules', 0, 'next']. */
export function parseFieldPath(path: string): Key[] {
  const keys: Key[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    keys.push(match[2] !== undefined ? Number(match[2]) : match[1]!);
  }
  return keys;
}

/** A copy of `value` with `path` set to `next`; containers along the way are copied, not mutated. */
export function setAtPath<T>(value: T, path: string, next: unknown): T {
  return setIn(value, parseFieldPath(path), next) as T;
}

function setIn(value: unknown, keys: Key[], next: unknown): unknown {
  const [key, ...rest] = keys;
  if (key === undefined) return next;
  if (typeof key === 'number') {
    const list = Array.isArray(value) ? [...value] : [];
    list[key] = setIn(list[key], rest, next);
    return list;
  }
  const record = typeof value === 'object' && value !== null ? { ...(value as Record<string, unknown>) } : {};
  record[key] = setIn(record[key], rest, next);
  return record;
}
