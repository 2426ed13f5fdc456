/** What the resident has typed so far, and how it becomes an `intake.submit` payload. */
import { localToIsoWithOffset } from './datetime-local.js';

export interface ReportDraft {
  serviceCode: string;
  description: string;
  /** Attribute answers by code; datetimes as the browser's local input value. */
  answers: Record<string, string | string[]>;
  lat: string;
  long: string;
  address: string;
  mediaUrl: string;
  email: string;
  phone: string;
  firstName: string;
  lastName: string;
}

export const emptyDraft: ReportDraft = {
  serviceCode: '',
  description: '',
  answers: {},
  lat: '',
  long: '',
  address: '',
  mediaUrl: '',
  email: '',
  phone: '',
  firstName: '',
  lastName: '',
};

/**
 * The payload for `intake.submit`, in Open311 field names. Values go as typed (blank fields are left
 * out) so the server's validation — not a copy of it here — decides and words every problem.
 */
export function toSubmission(draft: ReportDraft, datetimeCodes: ReadonlySet<string>) {
  const text = (value: string) => (value.trim() === '' ? undefined : value.trim());
  const attributes: Record<string, string | string[]> = {};
  for (const [code, value] of Object.entries(draft.answers)) {
    if (Array.isArray(value)) {
      if (value.length > 0) attributes[code] = value;
    } else if (value.trim() !== '') {
      attributes[code] = datetimeCodes.has(code) ? localToIsoWithOffset(value) : value.trim();
    }
  }
  return {
    service_code: draft.serviceCode,
    channel: 'web' as const,
    lat: text(draft.lat),
    long: text(draft.long),
    address_string: text(draft.address),
    description: text(draft.description),
    attributes,
    media_url: text(draft.mediaUrl),
    email: text(draft.email),
    phone: text(draft.phone),
    first_name: text(draft.firstName),
    last_name: text(draft.lastName),
  };
}

/** The point of the draft when both coordinates are plain numbers, for the map and duplicate check. */
export function draftPoint(draft: Pick<ReportDraft, 'lat' | 'long'>): { lat: number; long: number } | null {
  const lat = Number(draft.lat);
  const long = Number(draft.long);
  if (draft.lat.trim() === '' || draft.long.trim() === '') return null;
  if (!Number.isFinite(lat) || !Number.isFinite(long)) return null;
  if (Math.abs(lat) > 90 || Math.abs(long) > 180) return null;
  return { lat, long };
}
