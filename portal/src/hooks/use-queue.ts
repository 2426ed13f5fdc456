/** One page of a department's queue and its facet counts, for the filters and page the clerk is on. */
import { api } from '../api/client.js';
import { toQueueInput, type QueueFilterState } from '../model/queue-view.js';
import { useAsync } from './use-async.js';

export const QUEUE_PAGE_SIZE = 20;

/** The page that `cursor` starts (the first page without one); `round` forces a reload. */
export function useQueuePage(
  department: string,
  filters: QueueFilterState,
  cursor: string | undefined,
  round: number,
) {
  const input = { ...toQueueInput(department, filters), sort: filters.sort, limit: QUEUE_PAGE_SIZE };
  return useAsync(
    department ? () => api.queue.page.query({ ...input, ...(cursor ? { cursor } : {}) }) : null,
    department ? JSON.stringify([input, cursor, round]) : '',
  );
}

/** How many tasks each filter value would show. */
export function useQueueFacets(department: string, filters: QueueFilterState, round: number) {
  const input = toQueueInput(department, filters);
  return useAsync(
    department ? () => api.queue.facets.query(input) : null,
    department ? JSON.stringify([input, round]) : '',
  );
}

export type QueuePage = NonNullable<ReturnType<typeof useQueuePage>['data']>;
export type QueueTask = QueuePage['tasks'][number];
export type QueueFacets = NonNullable<ReturnType<typeof useQueueFacets>['data']>;
