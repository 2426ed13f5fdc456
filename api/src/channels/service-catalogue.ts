/** The active services of a jurisdiction as channels need them: to recognise and to explain them. */
import type { AttributeDefinition } from '@civicdesk/schemas';
import { serviceAttributes } from '../catalogue/open311-services.js';
import type { PrismaClient } from '../db/generated/client.js';

export interface CatalogueService {
  code: string;
  name: string;
  keywords: string[];
  attributes: AttributeDefinition[];
}

/** Loads the catalogue, ordered by code. */
export async function loadServiceCatalogue(
  db: PrismaClient,
  jurisdictionId: string,
): Promise<CatalogueService[]> {
  const services = await db.service.findMany({
    where: { jurisdictionId, active: true },
    orderBy: { code: 'asc' },
  });
  return services.map((service) => ({
    code: service.code,
    name: service.name,
    keywords: service.keywords,
    attributes: serviceAttributes(service),
  }));
}
