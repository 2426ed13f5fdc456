/** The city's service catalogue. */
import { fetchServices } from '../api/open311.js';
import { useAsync } from './use-async.js';

export function useServices() {
  return useAsync(fetchServices, 'services');
}
