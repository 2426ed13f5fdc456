/** A department's open tasks, and completing one with an outcome and notes. */
import { api } from '../api/client.js';
import { useAsync } from './use-async.js';

export function useQueue(department: string) {
  return useAsync(department ? () => api.queue.list.query({ department }) : null, department);
}

export type QueueTask = NonNullable<ReturnType<typeof useQueue>['data']>[number];
