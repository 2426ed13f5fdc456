/** Counts over replayed requests, and the requests whose path differs between two versions. Pure. */
import type { ReplayedRequest } from './what-if-replay.js';

/** One version's what-if totals: requests per ending node, tasks per department, requests per node. */
export interface WhatIfSummary {
  /** Requests by the node they ended at (or wait at); `(error)` for those the graph could not run. */
  endings: Record<string, number>;
  /** Tasks by the department whose queue they land in (every task visit counts). */
  queues: Record<string, number>;
  /** Requests that pass through each node (once per request, however often it loops there). */
  nodes: Record<string, number>;
  /** The first reasons the graph could not run a request, for the designer to show. */
  errors: { id: string; message: string }[];
}

/** A request that would go another way under the draft. */
export interface ChangedPath {
  id: string;
  draft: { ending: string; path: string[] };
  published: { ending: string; path: string[] };
}

const bump = (counts: Record<string, number>, key: string) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

/** Sums one version's replay. */
export function summarise(replayed: readonly ReplayedRequest[]): WhatIfSummary {
  const summary: WhatIfSummary = { endings: {}, queues: {}, nodes: {}, errors: [] };
  for (const request of replayed) {
    bump(summary.endings, request.ending);
    for (const department of request.queues) bump(summary.queues, department);
    for (const node of new Set(request.path)) bump(summary.nodes, node);
    if (request.error && summary.errors.length < 5)
      summary.errors.push({ id: request.id, message: request.error });
  }
  return summary;
}

const samePath = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((node, index) => node === b[index]);

/** Requests whose path differs between the draft and the published replay (matched by id), with a sample. */
export function changedPaths(
  draft: readonly ReplayedRequest[],
  published: readonly ReplayedRequest[],
  sampleSize = 20,
): { count: number; sample: ChangedPath[] } {
  const before = new Map(published.map((request) => [request.id, request]));
  const changed: ChangedPath[] = [];
  for (const now of draft) {
    const then = before.get(now.id);
    if (!then || samePath(now.path, then.path)) continue;
    changed.push({
      id: now.id,
      draft: { ending: now.ending, path: now.path },
      published: { ending: then.ending, path: then.path },
    });
  }
  return { count: changed.length, sample: changed.slice(0, sampleSize) };
}
