/** Where and to whom a clerk can hand work (every department with its roles, the colleagues), and who the clerk is. */
import { api } from '../api/client.js';
import { useAsync } from './use-async.js';

export function useQueueDirectory(department: string) {
  return useAsync(
    department
      ? async () => {
          const [departments, colleagues, me] = await Promise.all([
            api.queue.departments.query(),
            api.queue.colleagues.query({ department }),
            api.auth.me.query(),
          ]);
          return { departments, colleagues, myId: me.id };
        }
      : null,
    department,
  );
}

export type QueueDirectory = NonNullable<ReturnType<typeof useQueueDirectory>['data']>;
