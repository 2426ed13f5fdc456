/** The choices the dashboard's filters offer: the jurisdiction's services, departments, districts and channels. */
import type { PrismaClient } from '../db/generated/client.js';

export interface FilterOption {
  code: string;
  name: string;
}

export interface FilterOptions {
  services: FilterOption[];
  departments: FilterOption[];
  districts: FilterOption[];
  channels: FilterOption[];
}

/** Every channel a request can arrive by (service_requests.channel CHECK). */
export const requestChannels = [
  'web',
  'mobile',
  'open311',
  'phone',
  'email',
  'sms',
  'chat',
  'walk_in',
  'staff',
  'import',
];

/** The filter choices, sorted by name. Public: codes and names only. */
export async function filterOptions(db: PrismaClient, jurisdictionId: string): Promise<FilterOptions> {
  const [services, departments, districts] = await Promise.all([
    db.service.findMany({
      where: { jurisdictionId },
      select: { code: true, name: true },
      orderBy: { name: 'asc' },
    }),
    db.department.findMany({
      where: { jurisdictionId },
      select: { code: true, name: true },
      orderBy: { name: 'asc' },
    }),
    db.jurisdictionArea.findMany({
      where: { jurisdictionId, kind: 'district' },
      select: { code: true, name: true },
      orderBy: { name: 'asc' },
    }),
  ]);
  return { services, departments, districts, channels: requestChannels.map((c) => ({ code: c, name: c })) };
}
