/**
 * A stored request as Open311 shows it. Only public fields: names, email and phone never leave
 * through this view.
 * @see ../../../../shared/OPEN311.md "Request fields"
 */
import type { Department, Service, ServiceRequest } from '../db/generated/client.js';

export type RequestWithCatalogue = ServiceRequest & { service: Service; department: Department };

const iso = (d: Date | null) => (d ? d.toISOString().replace(/\.\d{3}Z$/, 'Z') : null);

/** Renders one request; `updated_datetime` is the close time once closed, as the spec asks. */
export function toOpen311Request(r: RequestWithCatalogue) {
  return {
    service_request_id: r.id.toString(),
    status: r.status,
    status_notes: r.statusNotes,
    service_name: r.service.name,
    service_code: r.service.code,
    description: r.description,
    agency_responsible: r.department.name,
    service_notice: r.service.serviceNotice,
    requested_datetime: iso(r.requestedAt),
    updated_datetime: iso(r.closedAt ?? r.updatedAt),
    expected_datetime: iso(r.expectedAt),
    address: r.address,
    address_id: r.addressId,
    zipcode: r.zipcode,
    lat: r.lat,
    long: r.long,
    media_url: r.mediaUrl,
  };
}
