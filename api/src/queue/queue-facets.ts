/**
 * How many of the department's waiting tasks each filter value would show. The database answers one
 * count per combination of facet values (a few hundred rows at most, from one pass over the
 * department's waiting tasks); `countFacets` then applies the usual faceted-search rule in memory:
 * each facet's counts apply the search and all the *other* filters, not its own, so a clerk sees
 * what choosing another value would give. `total` applies them all.
 */
import { Prisma, type PrismaClient } from '../db/generated/client.js';
import { FACETS, searchCondition, waitingTasksOf, type Facet } from './queue-conditions.js';
import type { QueueScope } from './queue-filters.js';
import { AGE_LIMITS_MS, DUE_SOON_MS, after, before } from './sla-window.js';

export type FacetCounts = Record<Facet, Record<string, number>> & { total: number };

/** One combination of facet values and how many waiting tasks have it. */
export type FacetCombination = Record<Facet, string> & { n: number };

/** The facet value each selected filter asks for; absent where the clerk set no filter. */
export type FacetSelection = Partial<Record<Facet, string>>;

/** What the clerk's filters select, in facet values (service as its id). */
export function selectionOf(scope: QueueScope): FacetSelection {
  const f = scope.filters;
  const selection: FacetSelection = {};
  if (f.status !== 'active') selection.status = f.status;
  if (f.assignee !== 'any') selection.assignee = f.assignee;
  if (scope.serviceId) selection.service = scope.serviceId;
  if (f.district) selection.district = f.district;
  if (f.sla) selection.sla = f.sla;
  if (f.age) selection.age = f.age;
  return selection;
}

/** Facet counts from the combinations: each facet ignores its own selection (pure). */
export function countFacets(combinations: FacetCombination[], selection: FacetSelection): FacetCounts {
  const result = { total: 0 } as FacetCounts;
  for (const facet of FACETS) result[facet] = {};
  for (const combination of combinations) {
    const misses = FACETS.filter((f) => selection[f] !== undefined && selection[f] !== combination[f]);
    if (misses.length === 0) result.total += combination.n;
    for (const facet of FACETS) {
      if (misses.length === 0 || (misses.length === 1 && misses[0] === facet)) {
        const counts = result[facet];
        counts[combination[facet]] = (counts[combination[facet]] ?? 0) + combination.n;
      }
    }
  }
  return result;
}

/** The waiting tasks' facet-value combinations (within the search), counted by the database. */
export async function facetCombinations(db: PrismaClient, scope: QueueScope): Promise<FacetCombination[]> {
  const { asOf } = scope;
  const search = scope.filters.search
    ? Prisma.sql`JOIN service_requests r ON r.id = t.request_id AND ${searchCondition(scope.filters.search)}`
    : Prisma.empty;
  const rows = await db.$queryRaw<(Record<Facet, string> & { n: bigint })[]>`
    SELECT t.status,
      CASE WHEN t.assignee_id IS NULL THEN 'unassigned'
        WHEN t.assignee_id = ${scope.staffId}::uuid THEN 'mine' ELSE 'others' END AS assignee,
      COALESCE(t.service_id::text, '') AS service,
      COALESCE(t.district, '') AS district,
      CASE WHEN t.due_at IS NULL THEN 'none' WHEN t.due_at < ${asOf} THEN 'overdue'
        WHEN t.due_at < ${after(asOf, DUE_SOON_MS)} THEN 'due_soon' ELSE 'on_time' END AS sla,
      CASE WHEN t.created_at > ${before(asOf, AGE_LIMITS_MS.day)} THEN 'day'
        WHEN t.created_at > ${before(asOf, AGE_LIMITS_MS.week)} THEN 'week'
        WHEN t.created_at > ${before(asOf, AGE_LIMITS_MS.month)} THEN 'month' ELSE 'older' END AS age,
      count(*) AS n
    FROM tasks t ${search}
    WHERE ${waitingTasksOf(scope)}
    GROUP BY 1, 2, 3, 4, 5, 6`;
  return rows.map((row) => ({ ...row, n: Number(row.n) }));
}

/** Counts per facet value for the clerk's filters (service values are service ids). */
export async function queueFacetCounts(db: PrismaClient, scope: QueueScope): Promise<FacetCounts> {
  return countFacets(await facetCombinations(db, scope), selectionOf(scope));
}
