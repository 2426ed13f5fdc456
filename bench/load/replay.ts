/**
 * Real records as load: each row of a NYC or Boston 311 file becomes one request at its own
 * creation time, its complaint type mapped onto the bench catalogue. Boston's points lie outside the
 * NYC-shaped bench city, so its rows are sent with their street address instead of a point.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { BENCH_SERVICES, templateOf } from '../support/bench-city.js';
import type { LoadRequest } from './synthetic.js';

/** Complaint words → bench service, tried in order; what matches nothing goes to the 311 desk. */
const KEYWORDS: [RegExp, string][] = [
  [/pothole|street condition|sidewalk|curb|pavement/i, 'street-condition'],
  [/street ?light|lamp/i, 'street-light-condition'],
  [/missed|trash|recycl|collection|sanitation|dirty|litter|snow/i, 'missed-pickup'],
  [/dump|bulk|abandoned|needle|debris/i, 'illegal-dumping'],
  [/graffiti/i, 'graffiti'],
  [/park|tree|playground/i, 'park-maintenance'],
];

/** The bench service for a real complaint type (exact NYC type first, then keywords). */
export function benchServiceFor(complaintType: string): string {
  const exact = BENCH_SERVICES.find((s) => s.nyc.toLowerCase() === complaintType.toLowerCase());
  if (exact) return exact.code;
  return KEYWORDS.find(([re]) => re.test(complaintType))?.[1] ?? 'general-question';
}

/** "2024-04-16T03:03:15.000" or "2022-01-21 13:47:00" (local New York time) → Date, as if UTC. */
const localTime = (text: string) => new Date(`${text.replace(' ', 'T').replace(/\.\d+$/, '')}Z`);

/** Answers the bench service's required attributes from what the record says. */
function answersFor(
  code: string,
  descriptor: string,
  locationType: string,
): Record<string, string | string[]> {
  switch (templateOf(code)) {
    case 'pothole':
      return {
        depth_cm: /cave-in/i.test(descriptor) ? '20' : '6',
        location_type: /sidewalk/i.test(locationType) ? 'sidewalk' : 'road',
      };
    case 'streetlight-out':
      return { light_state: /cycling|flicker/i.test(descriptor) ? 'flickering' : 'dark' };
    case 'missed-pickup':
      return { bins: [/recycl/i.test(descriptor) ? 'recycling' : 'trash'] };
    case 'illegal-dumping':
      return { items: ['other'] };
    case 'graffiti':
      return { offensive: 'no' };
    case 'general-question':
      return { topic: 'other', question: descriptor || 'Reported by phone' };
    default:
      return {};
  }
}

/** Reads a NYC Open Data file (nyc311-2024-04-1000.csv) or a Boston file (boston311-…csv). */
export function replayRequests(path: string): LoadRequest[] {
  const rows = parse(readFileSync(path, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[];
  const boston = rows[0] !== undefined && 'case_enquiry_id' in rows[0];
  const requests = rows.flatMap((row, seq): LoadRequest[] => {
    const type = boston ? (row.type ?? '') : (row.complaint_type ?? '');
    const descriptor = boston ? (row.case_title ?? '') : (row.descriptor ?? '');
    const created = boston ? row.open_dt : row.created_date;
    if (!created || !type) return [];
    const code = benchServiceFor(type);
    const lat = Number(row.latitude);
    const long = Number(row.longitude);
    const address = boston ? row.location?.trim() : row.incident_address?.trim();
    const place =
      !boston && row.latitude && row.longitude && Number.isFinite(lat) && Number.isFinite(long)
        ? { lat, long }
        : { address_string: address || `${type} (no address given)` };
    return [
      {
        seq,
        service_code: code,
        description: descriptor ? `${type}: ${descriptor}` : type,
        ...place,
        attributes: answersFor(code, descriptor, row.location_type ?? ''),
        sourceChannel: boston
          ? /call/i.test(row.source ?? '')
            ? 'PHONE'
            : /app/i.test(row.source ?? '')
              ? 'MOBILE'
              : 'ONLINE'
          : (row.open_data_channel_type ?? 'UNKNOWN'),
        reportedAt: localTime(created),
      },
    ];
  });
  return requests.sort((a, b) => a.reportedAt.getTime() - b.reportedAt.getTime());
}
