/**
 * The real 311 records of examples/real311 in one shape for the statistics test: Boston's January 2022
 * cases and NYC's April 2024 requests, with their local (America/New_York) timestamps as written in
 * the files. Rows are kept as they are; only the columns the dashboard counts are picked out.
 */
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface RealRecord {
  id: string;
  /** Local wall-clock time as in the file, `YYYY-MM-DDTHH:MM:SS`. */
  opened: string;
  closed: string | null;
  /** Boston's target_dt (SLA due), local; NYC's file has no comparable column for most rows. */
  target: string | null;
  serviceCode: string;
  serviceName: string;
  departmentCode: string;
  district: string | null;
  channel: 'web' | 'mobile' | 'phone' | 'staff' | 'import';
  lat: number | null;
  long: number | null;
}

export interface RealCity {
  jurisdictionId: string;
  file: string;
  records: RealRecord[];
}

const folder = fileURLToPath(new URL('../../examples/real311/', import.meta.url));
const read = (file: string) =>
  parse(readFileSync(folder + file, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[];
/** `2022-01-19 11:18:00` or `2024-04-16T03:03:15.000` → `2022-01-19T11:18:00`; blank → null. */
const local = (s: string | undefined) => (s?.trim() ? s.trim().replace(' ', 'T').slice(0, 19) : null);
const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'unknown';
const coordinate = (s: string | undefined) => (s?.trim() ? Number(s) : null);

const bostonChannels: Record<string, RealRecord['channel']> = {
  'Citizens Connect App': 'mobile',
  'Constituent Call': 'phone',
  'City Worker App': 'staff',
  'Self Service': 'web',
};
const nycChannels: Record<string, RealRecord['channel']> = {
  ONLINE: 'web',
  PHONE: 'phone',
  MOBILE: 'mobile',
};

/** Boston 311, January 2022: 100 cases (85 closed; 89 with an SLA target). */
export function bostonRecords(): RealCity {
  const file = 'boston311-2022-01-100.csv';
  return {
    jurisdictionId: 'boston.gov',
    file,
    records: read(file).map((r) => ({
      id: r.case_enquiry_id!,
      opened: local(r.open_dt)!,
      closed: local(r.closed_dt),
      target: local(r.target_dt),
      serviceCode: slug(r.type!),
      serviceName: r.type!,
      departmentCode: slug(r.department!),
      district: r.city_council_district?.trim() || null,
      channel: bostonChannels[r.source!] ?? 'import',
      lat: coordinate(r.latitude),
      long: coordinate(r.longitude),
    })),
  };
}

/** NYC 311, 2024-04-15 22:51 to 04-16 03:03: 1,000 requests (292 with a close date). */
export function nycRecords(): RealCity {
  const file = 'nyc311-2024-04-1000.csv';
  return {
    jurisdictionId: 'nyc.gov',
    file,
    records: read(file).map((r) => ({
      id: r.unique_key!,
      opened: local(r.created_date)!,
      closed: local(r.closed_date),
      target: null,
      serviceCode: slug(r.complaint_type!),
      serviceName: r.complaint_type!,
      departmentCode: slug(r.agency!),
      district: r.borough?.trim() || null,
      channel: nycChannels[r.open_data_channel_type!] ?? 'import',
      lat: coordinate(r.latitude),
      long: coordinate(r.longitude),
    })),
  };
}

/** The instant a local wall-clock time in `timeZone` names (the zone's offset looked up by Intl). */
export function zonedToUtc(localTime: string, timeZone: string): Date {
  const asUtc = Date.parse(`${localTime}Z`);
  const offsetAt = (instant: number) => {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      })
        .formatToParts(new Date(instant))
        .map((p) => [p.type, p.value]),
    );
    const wall = Date.UTC(
      +parts.year!,
      +parts.month! - 1,
      +parts.day!,
      +parts.hour!,
      +parts.minute!,
      +parts.second!,
    );
    return wall - instant;
  };
  const first = asUtc - offsetAt(asUtc);
  return new Date(asUtc - offsetAt(first));
}
