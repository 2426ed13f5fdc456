/**
 * The queue's filters as SQL conditions over `tasks t` (and `service_requests r` for the search),
 * one per facet, so the page can AND them all while each facet's counts leave out its own.
 * Every condition is on a column the queue indexes lead with or carry (see the queue_paging migration).
 */
import { Prisma } from '../db/generated/client.js';
import type { QueueScope } from './queue-filters.js';
import { AGE_LIMITS_MS, DUE_SOON_MS, after, before } from './sla-window.js';

export type Facet = 'status' | 'assignee' | 'service' | 'district' | 'sla' | 'age';
export const FACETS: readonly Facet[] = ['status', 'assignee', 'service', 'district', 'sla', 'age'];

const TRUE = Prisma.sql`TRUE`;

/**
 * The department's waiting tasks. The status list is literal SQL (not a parameter) so the planner
 * can prove the partial queue indexes apply.
 */
export function waitingTasksOf(scope: QueueScope): Prisma.Sql {
  return Prisma.sql`t.department_id = ${scope.departmentId}::uuid AND t.status IN ('open', 'claimed')`;
}

/** One condition per facet; TRUE where the clerk set no filter. */
export function facetConditions(scope: QueueScope): Record<Facet, Prisma.Sql> {
  const { filters, asOf } = scope;
  return {
    status: filters.status === 'active' ? TRUE : Prisma.sql`t.status = ${filters.status}`,
    assignee:
      filters.assignee === 'mine'
        ? Prisma.sql`t.assignee_id = ${scope.staffId}::uuid`
        : filters.assignee === 'unassigned'
          ? Prisma.sql`t.assignee_id IS NULL`
          : TRUE,
    service: scope.serviceId ? Prisma.sql`t.service_id = ${scope.serviceId}::uuid` : TRUE,
    district: filters.district ? Prisma.sql`t.district = ${filters.district}` : TRUE,
    sla: filters.sla ? slaCondition(filters.sla, asOf) : TRUE,
    age: filters.age ? ageCondition(filters.age, asOf) : TRUE,
  };
}

function slaCondition(state: NonNullable<QueueScope['filters']['sla']>, asOf: Date): Prisma.Sql {
  const soon = after(asOf, DUE_SOON_MS);
  switch (state) {
    case 'overdue':
      return Prisma.sql`t.due_at < ${asOf}`;
    case 'due_soon':
      return Prisma.sql`(t.due_at >= ${asOf} AND t.due_at < ${soon})`;
    case 'on_time':
      return Prisma.sql`t.due_at >= ${soon}`;
    case 'none':
      return Prisma.sql`t.due_at IS NULL`;
  }
}

function ageCondition(bucket: NonNullable<QueueScope['filters']['age']>, asOf: Date): Prisma.Sql {
  const day = before(asOf, AGE_LIMITS_MS.day);
  const week = before(asOf, AGE_LIMITS_MS.week);
  const month = before(asOf, AGE_LIMITS_MS.month);
  switch (bucket) {
    case 'day':
      return Prisma.sql`t.created_at > ${day}`;
    case 'week':
      return Prisma.sql`(t.created_at <= ${day} AND t.created_at > ${week})`;
    case 'month':
      return Prisma.sql`(t.created_at <= ${week} AND t.created_at > ${month})`;
    case 'older':
      return Prisma.sql`t.created_at <= ${month}`;
  }
}

/** A request number as a clerk types it (1042 or #1042), or null for words. */
export function requestNumberOf(search: string | undefined): bigint | null {
  const number = /^#?(\d{1,18})$/.exec(search?.trim() ?? '')?.[1];
  return number ? BigInt(number) : null;
}

/** Whether the search reads the request (`r`): words do, a request number and no search do not. */
export function searchReadsRequest(search: string | undefined): boolean {
  return Boolean(search?.trim()) && requestNumberOf(search) === null;
}

/**
 * The free-text search: a request number (1042 or #1042) matches that request's tasks only, one
 * index lookup; anything else is a piece of the request's (`r`) address or description,
 * case-insensitively, which the trigram indexes of 20261204220000_queue_search_facets serve. TRUE
 * without a search.
 */
export function searchCondition(search: string | undefined): Prisma.Sql {
  const text = search?.trim();
  if (!text) return TRUE;
  const number = requestNumberOf(text);
  if (number !== null) return Prisma.sql`t.request_id = ${number}`;
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return Prisma.sql`(r.address ILIKE ${pattern} OR r.description ILIKE ${pattern})`;
}

/** All the clerk's filters together. */
export function allConditions(scope: QueueScope): Prisma.Sql {
  const facets = facetConditions(scope);
  return Prisma.join(
    [waitingTasksOf(scope), ...FACETS.map((f) => facets[f]), searchCondition(scope.filters.search)],
    ' AND ',
  );
}
