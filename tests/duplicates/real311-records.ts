// The real 311 records copied into examples/real311 (from the team's shared data folder),
// read into one shape for the duplicate tests: who, what, where, when opened and when closed.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

export const real311Dir = fileURLToPath(new URL('../../examples/real311/', import.meta.url));

export interface Real311Record {
  /** The city's own id. */
  key: string;
  jurisdictionId: 'boston.gov' | 'nyc.gov';
  /** The city's complaint type, as published. */
  complaintType: string;
  /** What the resident reported, as the city records it (NYC descriptor, Boston case title). */
  description: string;
  address: string | null;
  lat: number;
  long: number;
  openedAt: Date;
  closedAt: Date | null;
  /** The city closed it as a duplicate of an earlier complaint (NYC's resolution text). */
  cityMarkedDuplicate: boolean;
}

/**
 * Boston places the cases it could not geocode (most intersections) at City Hall, 42.3594 -71.0587.
 * That point is not where the problem is, so those cases are read as having no location.
 */
const BOSTON_UNGEOCODED = { lat: 42.3594, long: -71.0587 };

/** A service code from a complaint type: `Noise - Residential` → `noise-residential`. */
export const serviceCodeOf = (complaintType: string) =>
  complaintType
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'other';

/** Local New York time without offset (both files) → Date; `offset` is the zone's offset then. */
const localTime = (text: string, offset: string) =>
  text.trim() === '' ? null : new Date(`${text.trim().replace(' ', 'T')}${offset}`);

const rows = (file: string) =>
  parse(readFileSync(`${real311Dir}${file}`, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[];

/** Records with a usable location, and how many were left out for want of one. */
export function readReal311(): { records: Real311Record[]; withoutLocation: number } {
  const records: Real311Record[] = [];
  let withoutLocation = 0;
  // NYC, 2024-04-15/16: daylight time, UTC-4.
  for (const row of rows('nyc311-2024-04-1000.csv')) {
    const lat = Number.parseFloat(row.latitude ?? '');
    const long = Number.parseFloat(row.longitude ?? '');
    const openedAt = localTime(row.created_date ?? '', '-04:00');
    if (!Number.isFinite(lat) || !Number.isFinite(long) || !openedAt) {
      withoutLocation += 1;
      continue;
    }
    records.push({
      key: row.unique_key ?? '',
      jurisdictionId: 'nyc.gov',
      complaintType: row.complaint_type ?? '',
      description: row.descriptor ?? '',
      address: row.incident_address || null,
      lat,
      long,
      openedAt,
      closedAt: localTime(row.closed_date ?? '', '-04:00'),
      // "… a duplicate of a previously filed complaint" (DOT), "… a duplicate of a condition already
      // reported by another tenant …" (HPD).
      cityMarkedDuplicate: /duplicate of a (previously|condition already)/i.test(
        row.resolution_description ?? '',
      ),
    });
  }
  // Boston, January 2022: standard time, UTC-5.
  for (const row of rows('boston311-2022-01-100.csv')) {
    const lat = Number.parseFloat(row.latitude ?? '');
    const long = Number.parseFloat(row.longitude ?? '');
    const openedAt = localTime(row.open_dt ?? '', '-05:00');
    const ungeocoded = lat === BOSTON_UNGEOCODED.lat && long === BOSTON_UNGEOCODED.long;
    if (!Number.isFinite(lat) || !Number.isFinite(long) || !openedAt || ungeocoded) {
      withoutLocation += 1;
      continue;
    }
    records.push({
      key: row.case_enquiry_id ?? '',
      jurisdictionId: 'boston.gov',
      complaintType: row.type ?? '',
      description: row.case_title ?? '',
      address: row.location?.trim() || null,
      lat,
      long,
      openedAt,
      closedAt: localTime(row.closed_dt ?? '', '-05:00'),
      cityMarkedDuplicate: false,
    });
  }
  return { records, withoutLocation };
}
