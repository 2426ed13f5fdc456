/** The what-if answer as rows a person compares: each ending and each queue, published vs draft. Pure. */

/** The counts the designer reads from `workflows.whatIf` for one version. */
export type VersionCounts = {
  endings: Record<string, number>;
  queues: Record<string, number>;
  nodes: Record<string, number>;
};

export type ComparisonRow = { key: string; published: number | null; draft: number; change: number | null };

/** One row per key of either side, biggest draft count first; `published` is null without a version. */
export function comparisonRows(
  draft: Record<string, number>,
  published: Record<string, number> | null,
): ComparisonRow[] {
  const keys = new Set([...Object.keys(draft), ...Object.keys(published ?? {})]);
  return [...keys]
    .map((key) => {
      const now = draft[key] ?? 0;
      const then = published ? (published[key] ?? 0) : null;
      return { key, published: then, draft: now, change: then === null ? null : now - then };
    })
    .sort(
      (a, b) => b.draft - a.draft || (b.published ?? 0) - (a.published ?? 0) || a.key.localeCompare(b.key),
    );
}

/** The badge each node shows on the canvas: requests through it under the draft, and before if different. */
export function nodeCountLabels(
  draft: VersionCounts,
  published: VersionCounts | null,
  nodeIds: readonly string[],
): Map<string, string> {
  const labels = new Map<string, string>();
  for (const id of nodeIds) {
    const now = draft.nodes[id] ?? 0;
    const then = published ? (published.nodes[id] ?? 0) : null;
    labels.set(id, then === null || then === now ? `${now}` : `${now} (was ${then})`);
  }
  return labels;
}

/** "+3", "−2" or "±0" for a change column. */
export function signed(change: number | null): string {
  if (change === null) return '—';
  if (change === 0) return '±0';
  return change > 0 ? `+${change}` : `−${-change}`;
}

/** Where a request's path splits, in words: "after triage: inspect → urgent-repair; ends close-fixed (was close-duplicate)". */
export function pathChange(
  published: { ending: string; path: readonly string[] },
  draft: { ending: string; path: readonly string[] },
): string {
  let split = 0;
  while (split < draft.path.length && draft.path[split] === published.path[split]) split += 1;
  const where = split > 0 ? `after ${draft.path[split - 1]}` : 'from the start';
  const turn = `${published.path[split] ?? '(stops)'} → ${draft.path[split] ?? '(stops)'}`;
  const ends =
    draft.ending === published.ending
      ? `ends ${draft.ending}`
      : `ends ${draft.ending} (was ${published.ending})`;
  return `${where}: ${turn}; ${ends}`;
}
