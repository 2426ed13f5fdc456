/** A request's status and public timeline; the private fields too when the token is the resident's. */
import { api } from '../api/client.js';
import { useAsync } from './use-async.js';

export function useTracking(id: string, token: string | null) {
  return useAsync(
    () => api.tracking.get.query({ service_request_id: id, ...(token ? { token } : {}) }),
    `${id}:${token ?? ''}`,
  );
}
