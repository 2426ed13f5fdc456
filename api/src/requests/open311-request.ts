/**
 * A stored request as Open311 shows it. Only public fields: names, email and phone never leave
 * through this view; with `extensions=true` the request also carries `extended_attributes` and the
 * PUBLIC timeline as `notes` (internal events never leave).
 * @see ../../../../shared/OPEN311.md "Request fields", "Extensions used by real deployments"
 */
import type { Department, Service, ServiceRequest, TimelineEvent } from '../db/generated/client.js';

/** The request fields the Open311 views read (a full Prisma row has them all). */
export type Open311RequestFields = Pick<
  ServiceRequest,
  | 'id'
  | 'status'
  | 'statusNotes'
  | 'description'
  | 'requestedAt'
  | 'updatedAt'
  | 'closedAt'
  | 'expectedAt'
  | 'address'
  | 'addressId'
  | 'zipcode'
  | 'lat'
  | 'long'
  | 'x'
  | 'y'
  | 'spatialReference'
  | 'mediaUrl'
  | 'channel'
  | 'duplicateOfId'
>;
export type RequestWithCatalogue = Open311RequestFields & {
  service: Pick<Service, 'name' | 'code' | 'serviceNotice'>;
  department: Pick<Department, 'name'>;
};
export type RequestWithTimeline = RequestWithCatalogue & {
  timeline: Pick<TimelineEvent, 'at' | 'kind' | 'public' | 'summary' | 'description'>[];
};

export const iso = (d: Date | null) => (d ? d.toISOString().replace(/\.\d{3}Z$/, 'Z') : null);

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

const noteType = (kind: string) => (kind === 'opened' ? 'opened' : kind === 'closed' ? 'closed' : 'activity');

/** `extensions=true`: the request plus extended_attributes and its public notes, oldest first. */
export function toOpen311ExtendedRequest(r: RequestWithTimeline) {
  const duplicate = r.duplicateOfId?.toString() ?? null;
  return {
    ...toOpen311Request(r),
    extended_attributes: {
      channel: r.channel,
      duplicate,
      parent_service_request_id: duplicate,
      // The projected x/y the client sent (spatial_reference says in what), else WGS84 (x = long, y = lat).
      x: r.x ?? r.long,
      y: r.y ?? r.lat,
      spatial_reference: r.spatialReference ?? (r.lat === null ? null : 'EPSG:4326'),
      photos: r.mediaUrl ? [r.mediaUrl] : [],
    },
    notes: r.timeline
      .filter((e) => e.public)
      .map((e) => ({
        datetime: iso(e.at),
        type: noteType(e.kind),
        summary: e.summary,
        description: e.description,
      })),
  };
}
