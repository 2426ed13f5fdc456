/** Open requests that look like the one being written, once the service and the point are known. */
import { api } from '../api/client.js';
import { useAsync } from './use-async.js';
import { useDebounced } from './use-debounced.js';

export function useLikelyDuplicates(serviceCode: string, point: { lat: number; long: number } | null) {
  const key = useDebounced(serviceCode && point ? `${serviceCode}@${point.lat},${point.long}` : '', 400);
  const state = useAsync(
    key && point
      ? () => api.duplicates.likely.query({ service_code: serviceCode, lat: point.lat, long: point.long })
      : null,
    key,
  );
  return key ? (state.data ?? []) : [];
}
