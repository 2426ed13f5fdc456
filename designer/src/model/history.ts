/** Undo history over immutable snapshots. Edits tagged with the same `merge` key fold into one step. */

export type History<T> = { past: T[]; present: T; future: T[]; mergeKey?: string };

const LIMIT = 200;

/** A history whose only state is `present`. */
export function startHistory<T>(present: T): History<T> {
  return { past: [], present, future: [] };
}

/** Records `next`; consecutive edits with the same `merge` key (typing in one field) undo together. */
export function record<T>(history: History<T>, next: T, merge?: string): History<T> {
  if (next === history.present) return history;
  if (merge !== undefined && merge === history.mergeKey) {
    return { past: history.past, present: next, future: [], mergeKey: merge };
  }
  const past = [...history.past, history.present].slice(-LIMIT);
  return merge === undefined
    ? { past, present: next, future: [] }
    : { past, present: next, future: [], mergeKey: merge };
}

/** Steps back one edit, if any. */
export function undo<T>(history: History<T>): History<T> {
  const previous = history.past.at(-1);
  if (previous === undefined) return history;
  return { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future] };
}

/** Re-applies the edit last undone, if any. */
export function redo<T>(history: History<T>): History<T> {
  const [next, ...future] = history.future;
  if (next === undefined) return history;
  return { past: [...history.past, history.present], present: next, future };
}
