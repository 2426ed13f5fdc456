// A scratch database filled with synthetic NYC-like 311 requests whose services, boroughs, places,
// missing locations and open/closed shares follow the value frequencies of a one-million-record
// sample of real NYC 311 data (examples/real311/nyc311-1m-sample-frequencies.csv). Rows are made
// by the database itself (INSERT … SELECT over generate_series), one statement per service.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { TestDatabase } from '@civicdesk/api';

type PrismaClient = TestDatabase['prisma'];

export const frequenciesPath = fileURLToPath(
  new URL('../../examples/real311/nyc311-1m-sample-frequencies.csv', import.meta.url),
);

type Frequency = { field: string; value: string; count: number };

export function readFrequencies(path = frequenciesPath): Frequency[] {
  const rows = parse(readFileSync(path, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[];
  return rows.map((r) => ({ field: r.field ?? '', value: r.value ?? '', count: Number(r.count) }));
}

const valuesOf = (freqs: Frequency[], field: string) => freqs.filter((f) => f.field === field);
/** "Other (277)" → 277; "Other (841,004)" → 841004. */
const othersCount = (value: string) => Number(/\(([\d,]+)\)/.exec(value)?.[1]?.replace(/,/g, '') ?? 0);

/** Rough bounding boxes of the boroughs; "Unspecified" reports fall anywhere in the city. */
const BOROUGH_BOX: Record<string, [number, number, number, number]> = {
  MANHATTAN: [40.7, 40.88, -74.02, -73.91],
  BROOKLYN: [40.57, 40.74, -74.04, -73.83],
  QUEENS: [40.54, 40.8, -73.96, -73.7],
  BRONX: [40.79, 40.92, -73.93, -73.75],
  'STATEN ISLAND': [40.49, 40.65, -74.26, -74.05],
  Unspecified: [40.49, 40.92, -74.26, -73.7],
};

/** Descriptors of the common complaint types, from the same sample's top descriptors. */
const DESCRIPTORS: Record<string, string[]> = {
  'Noise - Residential': ['Loud Music/Party', 'Banging/Pounding', 'Loud Talking'],
  'HEAT/HOT WATER': ['ENTIRE BUILDING', 'APARTMENT ONLY'],
  HEATING: ['HEAT'],
  'Blocked Driveway': ['No Access', 'Partial Access'],
  'Street Condition': ['Pothole', 'Cave-in', 'Failed Street Repair'],
  'Street Light Condition': ['Street Light Out', 'Street Light Cycling'],
  PLUMBING: ['CEILING', 'WATER SUPPLY', 'TOILET'],
  'Noise - Street/Sidewalk': ['Loud Music/Party', 'Loud Talking'],
};

export interface SyntheticPlan {
  services: { code: string; name: string; count: number; descriptors: string[] }[];
  /** Share of requests without a location (NYC: 25 %). */
  nullLocationShare: number;
  /** Real coordinates that hold many requests each (the sample's top locations), with their shares. */
  hotspots: { lat: number; long: number; share: number }[];
  boroughs: { name: string; box: [number, number, number, number]; share: number }[];
  /** Distinct located places in the sample (~354k for 1M): requests at one place repeat its point. */
  distinctPlaces: number;
  closedShare: number;
}

/** Turns the frequency file into counts for `total` requests. */
export function planFromFrequencies(freqs: Frequency[], total: number): SyntheticPlan {
  const sampleSize = valuesOf(freqs, 'Unique Key')[0]?.count ?? 1_000_000;
  const scale = total / sampleSize;
  const services: SyntheticPlan['services'] = [];
  for (const f of valuesOf(freqs, 'Complaint Type')) {
    if (f.value.startsWith('Other (')) {
      const n = othersCount(f.value);
      for (let i = 1; i <= n; i += 1)
        services.push({
          code: `other-${i}`,
          name: `Other complaint ${i}`,
          count: f.count / n,
          descriptors: [],
        });
    } else {
      services.push({
        code: slug(f.value),
        name: f.value,
        count: f.count,
        descriptors: DESCRIPTORS[f.value] ?? [],
      });
    }
  }
  // Whole numbers of rows that add up to `total`.
  let assigned = 0;
  for (const s of services) {
    s.count = Math.floor(s.count * scale);
    assigned += s.count;
  }
  for (let i = 0; assigned < total; i = (i + 1) % services.length, assigned += 1) services[i]!.count += 1;

  const latitudes = valuesOf(freqs, 'Latitude');
  const nullLocationShare = (latitudes.find((f) => f.value === '(NULL)')?.count ?? 0) / sampleSize;
  // "(40.89187241649303, -73.86016845296459)": the busiest real points (one is a bad geocode in
  // Pennsylvania; kept, as real data has it).
  const hotspots = valuesOf(freqs, 'Location').flatMap((f) => {
    const point = /^\(([-\d.]+), ([-\d.]+)\)$/.exec(f.value);
    return point ? [{ lat: Number(point[1]), long: Number(point[2]), share: f.count / sampleSize }] : [];
  });
  const boroughRows = valuesOf(freqs, 'Borough');
  const boroughTotal = boroughRows.reduce((n, b) => n + b.count, 0);
  const boroughs = boroughRows
    .filter((b) => BOROUGH_BOX[b.value])
    .map((b) => ({ name: b.value, box: BOROUGH_BOX[b.value]!, share: b.count / boroughTotal }));
  const distinctPlaces =
    othersCount(latitudes.find((f) => f.value.startsWith('Other'))?.value ?? '') || 350_000;
  const closed = valuesOf(freqs, 'Status').filter((s) => s.value.startsWith('Closed'));
  const closedShare = closed.reduce((n, s) => n + s.count, 0) / sampleSize;
  return { services, nullLocationShare, hotspots, boroughs, distinctPlaces, closedShare };
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/** The period the sample covers; synthetic requests are spread evenly over it. */
export const PERIOD = { from: new Date('2010-01-01T05:00:00Z'), to: new Date('2021-01-01T05:00:00Z') };

/** Creates the jurisdiction, department and services, then the requests; returns the service codes. */
export async function fillSyntheticNyc(
  prisma: PrismaClient,
  plan: SyntheticPlan,
  log: (line: string) => void,
) {
  await prisma.jurisdiction.create({
    data: { id: 'nyc.gov', name: 'New York City', timezone: 'America/New_York' },
  });
  const department = await prisma.department.create({
    data: { jurisdictionId: 'nyc.gov', code: 'city-311', name: 'NYC 311' },
  });
  // The places: `distinctPlaces` points spread over the boroughs in their shares. Requests pick one
  // at random, so busy places repeat the same point as in the real data.
  await prisma.$executeRawUnsafe(
    `CREATE UNLOGGED TABLE bench_places (place int PRIMARY KEY, lat float8, long float8)`,
  );
  let start = 0;
  for (const b of plan.boroughs) {
    const n = Math.round(b.share * plan.distinctPlaces);
    const [lat0, lat1, long0, long1] = b.box;
    await prisma.$executeRawUnsafe(
      `INSERT INTO bench_places SELECT k, ${lat0} + random() * ${lat1 - lat0}, ${long0} + random() * ${long1 - long0}
       FROM generate_series(${start}, ${start + n - 1}) k`,
    );
    start += n;
  }
  const places = start;
  const hotspotCase = (axis: 'lat' | 'long') => {
    let cumulative = plan.nullLocationShare;
    const whens = plan.hotspots.map((h) => {
      cumulative += h.share;
      return `WHEN g.u_place < ${cumulative} THEN ${h[axis]}`;
    });
    return `CASE WHEN g.u_place < ${plan.nullLocationShare} THEN NULL ${whens.join(' ')} ELSE p.${axis} END`;
  };
  const periodSeconds = (PERIOD.to.getTime() - PERIOD.from.getTime()) / 1000;
  let done = 0;
  for (const service of plan.services) {
    const created = await prisma.service.create({
      data: {
        jurisdictionId: 'nyc.gov',
        code: service.code,
        name: service.name,
        departmentId: department.id,
      },
    });
    if (service.count === 0) continue;
    const descriptors = service.descriptors.length > 0 ? service.descriptors : [service.name];
    await prisma.$executeRawUnsafe(
      `INSERT INTO service_requests (jurisdiction_id, service_id, department_id, channel, status, extended_status,
                                     description, lat, long, requested_at, updated_at, closed_at)
       SELECT 'nyc.gov', $1::uuid, $2::uuid, 'import', CASE WHEN g.closed THEN 'closed' ELSE 'open' END,
              CASE WHEN g.closed THEN 'closed' ELSE 'open' END,
              ($3::text[])[1 + floor(g.u_desc * $4::int)::int],
              ${hotspotCase('lat')}, ${hotspotCase('long')},
              g.at, g.at, CASE WHEN g.closed THEN g.at + g.u_close * interval '20 days' END
       FROM (SELECT random() AS u_place, random() < $5::float8 AS closed, random() AS u_desc, random() AS u_close,
                    floor(random() * ${places})::int AS place,
                    $6::timestamptz + make_interval(secs => random() * ${periodSeconds}) AS at
             FROM generate_series(1, $7::int)) g
       JOIN bench_places p ON p.place = g.place`,
      created.id,
      department.id,
      descriptors,
      descriptors.length,
      plan.closedShare,
      PERIOD.from,
      service.count,
    );
    done += service.count;
    if (done % 100_000 < service.count) log(`  ${done.toLocaleString('en')} requests`);
  }
  await prisma.$executeRawUnsafe(`DROP TABLE bench_places`);
  await prisma.$executeRawUnsafe(`ANALYZE`);
  return plan.services.map((s) => s.code);
}
