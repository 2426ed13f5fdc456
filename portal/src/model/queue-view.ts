/**
 * The staff queue's view state, without React: the filters a clerk set, the sort, and the stack of
 * cursors that makes "previous page" a step back (the API pages forward by keyset; going back means
 * asking again for a page already seen). Pure functions, so they are tested without a browser.
 */
export type QueueSortName = 'due' | 'age' | 'service';
export type SlaFilter = 'overdue' | 'due_soon' | 'on_time' | 'none';
export type AgeFilter = 'day' | 'week' | 'month' | 'older';

export interface QueueFilterState {
  status: 'active' | 'open' | 'claimed';
  assignee: 'any' | 'mine' | 'unassigned';
  service: string;
  district: string;
  sla: SlaFilter | '';
  age: AgeFilter | '';
  search: string;
  sort: QueueSortName;
}

export const defaultFilters: QueueFilterState = {
  status: 'active',
  assignee: 'any',
  service: '',
  district: '',
  sla: '',
  age: '',
  search: '',
  sort: 'due',
};

/** The `queue.page` / `queue.facets` input for the filters (empty choices left out). */
export function toQueueInput(department: string, filters: QueueFilterState) {
  const search = filters.search.trim();
  return {
    department,
    status: filters.status,
    assignee: filters.assignee,
    ...(filters.service ? { service: filters.service } : {}),
    ...(filters.district ? { district: filters.district } : {}),
    ...(filters.sla ? { sla: filters.sla } : {}),
    ...(filters.age ? { age: filters.age } : {}),
    ...(search ? { search } : {}),
  };
}

/** How many filters differ from the defaults (the sort does not count). */
export function activeFilterCount(filters: QueueFilterState): number {
  const keys = ['status', 'assignee', 'service', 'district', 'sla', 'age', 'search'] as const;
  return keys.filter((k) => filters[k].trim() !== defaultFilters[k]).length;
}

/** The cursors of the pages before the current one, and the current page's cursor (undefined: first). */
export interface PageTrail {
  previous: (string | undefined)[];
  current: string | undefined;
}

export const firstPage: PageTrail = { previous: [], current: undefined };

/** One page forward, to the page `next` starts. */
export function forward(trail: PageTrail, next: string): PageTrail {
  return { previous: [...trail.previous, trail.current], current: next };
}

/** One page back; the first page stays the first page. */
export function back(trail: PageTrail): PageTrail {
  if (trail.previous.length === 0) return trail;
  return { previous: trail.previous.slice(0, -1), current: trail.previous.at(-1) };
}

/** 1-based number of the current page. */
export const pageNumber = (trail: PageTrail) => trail.previous.length + 1;

/** Adds or removes `id` from a selection. */
export function toggle(selection: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(selection);
  if (!next.delete(id)) next.add(id);
  return next;
}

/** The request number a clerk typed (1042 or #1042), or null when it is not one. */
export function requestNumber(text: string): string | null {
  return /^\s*#?(\d{1,18})\s*$/.exec(text)?.[1] ?? null;
}
