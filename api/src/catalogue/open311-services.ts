/**
 * The service catalogue as Open311 shows it: `GET /services` entries and `GET /services/{code}`
 * definitions, rendered from stored services.
 * @see ../../../../shared/OPEN311.md "Endpoints"
 */
import type { AttributeDefinition } from '@civicdesk/schemas';
import type { Service } from '../db/generated/client.js';

/** The attribute definitions stored on a service, in their Open311 `order`. */
export function serviceAttributes(service: Pick<Service, 'attributes'>): AttributeDefinition[] {
  const attributes = (service.attributes ?? []) as AttributeDefinition[];
  return [...attributes].sort((a, b) => a.order - b.order);
}

/** One `GET /services` entry; `metadata` says whether the service asks extra questions. */
export function toOpen311Service(service: Service) {
  return {
    service_code: service.code,
    service_name: service.name,
    description: service.description,
    metadata: serviceAttributes(service).length > 0,
    type: service.type,
    keywords: service.keywords.join(','),
    group: service.group,
  };
}

/** `GET /services/{code}`: the service's attributes with every Open311 field present. */
export function toOpen311ServiceDefinition(service: Service) {
  return {
    service_code: service.code,
    attributes: serviceAttributes(service).map((a) => ({
      variable: a.variable,
      code: a.code,
      datatype: a.datatype,
      required: a.required,
      datatype_description: a.datatype_description ?? '',
      order: a.order,
      description: a.description,
      ...(a.values ? { values: a.values.map((v) => ({ key: v.key, name: v.name })) } : {}),
    })),
  };
}
