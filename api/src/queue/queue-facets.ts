/**
 * How many of the department's waiting tasks each filter value would show. The database answers one
 * count per combination of facet values (a thousand rows at most in the busiest department, from
 * one pass over its waiting tasks); `countFacets` then applies the usual faceted-search rule in
 * memory: each facet's counts apply the search and all the *other* filters, not its own, so a clerk
 * sees what choosing another value would give. `total` applies them all.
 *
 * The pass is an index-only scan of `tasks_queue_facets_idx` (20261204220000_queue_search_facets)
 * grouped by the raw facts (booleans, ids), which PostgreSQL hashes: grouping by the facet names
 * (CASE … text) made it sort 35,000 wide rows, and one GROUPING SET per facet was slower still
 * (measured in bench/README.md).
 */
import { Prisma, type PrismaClient } from '../db/generated/client.js';
import {
  FACETS,
  searchCondition,
  searchReadsRequest,
  waitingTasksOf,
  type Facet,
} from './queue-conditions.js';
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

/** A group of waiting tasks as the database answers it: the facts each facet value is read from. */
interface FactsRow {
  status: string;
  unassigned: boolean;
  /** Null when unassigned. */
  mine: boolean | null;
  service: string | null;
  district: string | null;
  /** Both null when the task has no due date. */
  overdue: boolean | null;
  due_soon: boolean | null;
  day: boolean;
  week: boolean;
  month: boolean;
  n: bigint;
}

/** The facet values of one group (pure). */
export function combinationOf(row: FactsRow): FacetCombination {
  return {
    status: row.status,
    assignee: row.unassigned ? 'unassigned' : row.mine ? 'mine' : 'others',
    service: row.service ?? '',
    district: row.district ?? '',
    sla: row.overdue === null ? 'none' : row.overdue ? 'overdue' : row.due_soon ? 'due_soon' : 'on_time',
    age: row.day ? 'day' : row.week ? 'week' : row.month ? 'month' : 'older',
    n: Number(row.n),
  };
}

/** The waiting tasks' facet-value combinations (within the search), counted by the database. */
export async function facetCombinations(db: PrismaClient, scope: QueueScope): Promise<FacetCombination[]> {
  const { asOf } = scope;
  const requests = searchReadsRequest(scope.filters.search)
    ? Prisma.sql`JOIN service_requests r ON r.id = t.request_id`
    : Prisma.empty;
  const rows = await db.$queryRaw<FactsRow[]>`
    SELECT t.status, t.assignee_id IS NULL AS unassigned, t.assignee_id = ${scope.staffId}::uuid AS mine,
      t.service_id::text AS service, t.district,
      t.due_at < ${asOf} AS overdue, t.due_at < ${after(asOf, DUE_SOON_MS)} AS due_soon,
      t.created_at > ${before(asOf, AGE_LIMITS_MS.day)} AS day,
      t.created_at > ${before(asOf, AGE_LIMITS_MS.week)} AS week,
      t.created_at > ${before(asOf, AGE_LIMITS_MS.month)} AS month,
      count(*) AS n
    FROM tasks t ${requests}
    WHERE ${waitingTasksOf(scope)} AND ${searchCondition(scope.filters.search)}
    GROUP BY 1, 2, 3, t.service_id, t.district, 6, 7, 8, 9, 10`;
  return rows.map(combinationOf);
}

/** Counts per facet value for the clerk's filters (service values are service ids). */
export async function queueFacetCounts(db: PrismaClient, scope: QueueScope): Promise<FacetCounts> {
  return countFacets(await facetCombinations(db, scope), selectionOf(scope));
}
