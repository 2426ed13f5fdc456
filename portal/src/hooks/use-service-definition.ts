/** The attribute questions of the chosen service, in the order the city set. */
import { fetchServiceDefinition } from '../api/open311.js';
import { useAsync } from './use-async.js';

export function useServiceDefinition(code: string) {
  const state = useAsync(code ? () => fetchServiceDefinition(code) : null, code);
  const attributes =
    state.data?.service_code === code
      ? [...state.data.attributes].filter((a) => a.variable).sort((a, b) => a.order - b.order)
      : [];
  return { ...state, attributes };
}
