// A small city for the duplicate tests: two jurisdictions, a department each, a few services with
// their own duplicate radius and window, and a helper that stores a request where and when asked.
import type { PrismaClient } from '../db/generated/client.js';

export const HERE = { lat: 39.7817, long: -89.6501 };

/** The point `metres` north of HERE (1° of latitude is 111,195 m on the mean Earth radius). */
export const north = (metres: number) => ({ lat: HERE.lat + metres / 111_194.93, long: HERE.long });

export async function seedDuplicatesCity(prisma: PrismaClient) {
  for (const [id, name] of [
    ['springfield.gov', 'Springfield'],
    ['shelbyville.gov', 'Shelbyville'],
  ] as const) {
    await prisma.jurisdiction.create({ data: { id, name, timezone: 'America/Chicago' } });
  }
  const streets = await prisma.department.create({
    data: { jurisdictionId: 'springfield.gov', code: 'streets', name: 'Streets' },
  });
  const shelbyStreets = await prisma.department.create({
    data: { jurisdictionId: 'shelbyville.gov', code: 'streets', name: 'Streets' },
  });
  const service = (jurisdictionId: string, departmentId: string, code: string, extra = {}) =>
    prisma.service.create({ data: { jurisdictionId, departmentId, code, name: code, ...extra } });
  const services = {
    pothole: await service('springfield.gov', streets.id, 'pothole'),
    graffiti: await service('springfield.gov', streets.id, 'graffiti', {
      duplicateRadiusM: 100,
      duplicateWindowDays: 7,
    }),
    shelbyPothole: await service('shelbyville.gov', shelbyStreets.id, 'pothole'),
  };
  return { services };
}

export interface RequestPlace {
  service: { id: string; jurisdictionId: string; departmentId: string };
  at: Date;
  lat?: number;
  long?: number;
  description?: string | null;
  status?: 'open' | 'closed';
  duplicateOfId?: bigint | null;
}

/** Stores a request of `service` at the given place and time; returns its id. */
export async function addRequest(prisma: PrismaClient, r: RequestPlace): Promise<bigint> {
  const created = await prisma.serviceRequest.create({
    data: {
      jurisdictionId: r.service.jurisdictionId,
      serviceId: r.service.id,
      departmentId: r.service.departmentId,
      channel: 'web',
      lat: r.lat ?? HERE.lat,
      long: r.long ?? HERE.long,
      description: r.description ?? null,
      requestedAt: r.at,
      status: r.status ?? 'open',
      duplicateOfId: r.duplicateOfId ?? null,
    },
  });
  return created.id;
}
