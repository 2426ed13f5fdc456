/**
 * The facts a workflow's rules read about a stored request. One function for the real run
 * (`requestRunInput`) and the what-if replay, so the two can never disagree on what a rule sees.
 */
import { buildFacts, type Facts } from '@civicdesk/engine/rules';

/** The stored request fields the facts come from; a Prisma `ServiceRequest` row fits. */
export interface FactsSource {
  attributes: unknown;
  description: string | null;
  channel: string;
  lat: number | null;
  long: number | null;
  address: string | null;
  zipcode: string | null;
  district: string | null;
  ward: string | null;
  serviceArea: string | null;
  duplicateScore: number | null;
}

const asRecord = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/** The rule facts of a stored request of service `serviceCode` (time facts are added by the caller). */
export function storedRequestFacts(serviceCode: string, request: FactsSource): Facts {
  return buildFacts({
    service_code: serviceCode,
    attributes: asRecord(request.attributes),
    description: request.description,
    channel: request.channel,
    lat: request.lat,
    long: request.long,
    address: request.address,
    zipcode: request.zipcode,
    district: request.district,
    ward: request.ward,
    service_area: request.serviceArea,
    duplicate_score: request.duplicateScore ?? 0,
  });
}
