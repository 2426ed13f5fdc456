/** The deployment's map settings (see api/portal-config.ts). */
import { fetchPortalConfig } from '../api/portal-config.js';
import { useAsync } from './use-async.js';

export function usePortalConfig() {
  return useAsync(fetchPortalConfig, 'portal-config');
}
