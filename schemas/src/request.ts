/**
 * A service request as it leaves the system. Public fields are what anyone may see (Open311
 * `GET /requests`); private fields identify the resident and are shown only to staff of the owning
 * department and to the resident themself. Keeping them in separate schemas makes leaking one a
 * type error, not a review finding.
 * @see ../../../shared/OPEN311.md "Request fields"
 */
import { z } from 'zod';
import { isoDateTime } from './datetime.js';
import { extendedStatus, open311Status } from './status.js';

/** Open311 identifiers are strings, always, even when they look like numbers. */
const identifier = z.string().min(1);

export const latitude = z.number().min(-90).max(90);
export const longitude = z.number().min(-180).max(180);

/** Everything anyone may see of a request. `status` is always `toOpen311Status(extended_status)`. */
export const publicRequest = z.object({
  service_request_id: identifier,
  status: open311Status,
  extended_status: extendedStatus,
  status_notes: z.string().optional(),
  service_name: z.string(),
  service_code: identifier,
  description: z.string().optional(),
  agency_responsible: z.string().optional(),
  service_notice: z.string().optional(),
  requested_datetime: isoDateTime,
  updated_datetime: isoDateTime.optional(),
  expected_datetime: isoDateTime.optional(),
  address: z.string().optional(),
  address_id: identifier.optional(),
  zipcode: z.string().optional(),
  lat: latitude.optional(),
  long: longitude.optional(),
  media_url: z.url().optional(),
});
export type PublicRequest = z.infer<typeof publicRequest>;

/** Who reported it: for staff of the owning department and for the resident only. */
export const privateRequestFields = z.object({
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  email: z.email().optional(),
  phone: z.string().optional(),
  device_id: z.string().optional(),
  account_id: z.string().optional(),
});
export type PrivateRequestFields = z.infer<typeof privateRequestFields>;

/** A request with the reporter's details, for staff screens and the resident's own view. */
export const staffRequest = publicRequest.extend(privateRequestFields.shape);
export type StaffRequest = z.infer<typeof staffRequest>;
