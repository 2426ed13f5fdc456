/** The located tasks of the queue for the map view (loaded only while the map is shown). */
import { api } from '../api/client.js';
import { toQueueInput, type QueueFilterState } from '../model/queue-view.js';
import { useAsync } from './use-async.js';

export function useQueueMap(department: string, filters: QueueFilterState, shown: boolean, round: number) {
  const input = toQueueInput(department, filters);
  return useAsync(
    department && shown ? () => api.queue.map.query({ ...input, limit: 1000 }) : null,
    department && shown ? JSON.stringify([input, round]) : '',
  );
}

export type QueueMapData = NonNullable<ReturnType<typeof useQueueMap>['data']>;
export type QueueMapPoint = QueueMapData['points'][number];
