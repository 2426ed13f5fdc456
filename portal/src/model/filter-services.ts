/** Finds services by words in their name, description, keywords or group, within a chosen group. */
import type { Open311Service } from '../api/open311.js';

export function filterServices(services: readonly Open311Service[], query: string, group: string) {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return services.filter((s) => {
    if (group && s.group !== group) return false;
    const haystack = `${s.service_name} ${s.description} ${s.keywords} ${s.group}`.toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}

/** The distinct groups, in catalogue order. */
export function serviceGroups(services: readonly Open311Service[]): string[] {
  return [...new Set(services.map((s) => s.group))];
}
