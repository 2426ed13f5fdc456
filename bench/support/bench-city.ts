/**
 * "Bench City": a city pack for the benchmarks, shaped like New York (its boundary, timezone and the
 * complaint types of the NYC 311 sample) and run by the Springfield example workflows. Each bench
 * service copies the attributes and department of the Springfield service whose workflow it uses,
 * so every request runs a real example workflow end to end. Built in code, not copied, so it follows
 * the examples as they change.
 */
import { fileURLToPath } from 'node:url';
import { readCityPack } from '@civicdesk/api';

type CityPackFiles = ReturnType<typeof readCityPack>;

export const BENCH_JURISDICTION = 'bench-nyc.gov';
export const BENCH_API_KEY = 'bench-city-open311-key';
export const CLERK_PASSWORD = 'bench-clerk-password';

const springfieldFolder = fileURLToPath(new URL('../../examples/springfield', import.meta.url));

/**
 * The bench catalogue: NYC's ten commonest complaint types, each run by the Springfield workflow of
 * its `template` service, and the sample's "Other (277)" types split evenly over five buckets that
 * keep the Springfield codes (so rules that test `service_code` still fire). Agencies that a city's
 * CivicDesk would not run (NYPD noise, HPD heat) go to the 311 desk, which answers or refers them.
 */
export const BENCH_SERVICES: { nyc: string; code: string; template: string }[] = [
  { nyc: 'Noise - Residential', code: 'noise-residential', template: 'general-question' },
  { nyc: 'HEAT/HOT WATER', code: 'heat-hot-water', template: 'general-question' },
  { nyc: 'Illegal Parking', code: 'illegal-parking', template: 'general-question' },
  { nyc: 'Blocked Driveway', code: 'blocked-driveway', template: 'general-question' },
  { nyc: 'Street Condition', code: 'street-condition', template: 'pothole' },
  { nyc: 'Street Light Condition', code: 'street-light-condition', template: 'streetlight-out' },
  { nyc: 'HEATING', code: 'heating', template: 'general-question' },
  { nyc: 'PLUMBING', code: 'plumbing', template: 'general-question' },
  { nyc: 'Water System', code: 'water-system', template: 'general-question' },
  { nyc: 'Noise - Street/Sidewalk', code: 'noise-street-sidewalk', template: 'general-question' },
  { nyc: 'Other', code: 'missed-pickup', template: 'missed-pickup' },
  { nyc: 'Other', code: 'illegal-dumping', template: 'illegal-dumping' },
  { nyc: 'Other', code: 'graffiti', template: 'graffiti' },
  { nyc: 'Other', code: 'park-maintenance', template: 'park-maintenance' },
  { nyc: 'Other', code: 'general-question', template: 'general-question' },
];

/** The Springfield service a bench service copies its attributes and workflow from. */
export function templateOf(code: string): string {
  const entry = BENCH_SERVICES.find((s) => s.code === code);
  if (!entry) throw new Error(`No bench service '${code}'`);
  return entry.template;
}

/** Rough NYC limits (WGS84 lng/lat), so reports outside the city are refused as in production. */
const NYC_BOUNDARY = {
  type: 'Polygon',
  coordinates: [
    [
      [-74.26, 40.49],
      [-73.7, 40.49],
      [-73.7, 40.92],
      [-74.26, 40.92],
      [-74.26, 40.49],
    ],
  ],
};

/** The bench city pack, with `clerksPerDepartment` clerks (all roles) in each department. */
export function benchCityPack(clerksPerDepartment = 3): CityPackFiles {
  const springfield = readCityPack(springfieldFolder);
  const { pack } = springfield;
  const services = BENCH_SERVICES.map(({ nyc, code, template }) => {
    const base = pack.services.find((s) => s.service_code === template);
    if (!base) throw new Error(`Springfield has no service '${template}' any more; update BENCH_SERVICES.`);
    const name = nyc === 'Other' ? base.service_name : nyc;
    return { ...base, service_code: code, service_name: name };
  });
  const staff = pack.departments.flatMap((d) =>
    Array.from({ length: clerksPerDepartment }, (_, i) => ({
      email: clerkEmail(d.code, i),
      name: `Clerk ${i + 1} of ${d.name}`,
      access: 'staff' as const,
      password: CLERK_PASSWORD,
      departments: [{ department: d.code, roles: d.roles.map((r) => r.code) }],
    })),
  );
  // Each workflow runs the bench services made from its Springfield services.
  const workflows = springfield.workflows.map(({ file, yaml }) => {
    const match = /^services: \[(.*)\]$/m.exec(yaml);
    if (!match) throw new Error(`examples/springfield/workflows/${file} has no one-line services list`);
    const handled = match[1]!.split(',').map((s) => s.trim());
    const codes = BENCH_SERVICES.filter((s) => handled.includes(s.template)).map((s) => s.code);
    return { file, yaml: yaml.replace(match[0], `services: [${codes.join(', ')}]`) };
  });
  return {
    pack: {
      ...pack,
      jurisdiction: {
        ...pack.jurisdiction,
        id: BENCH_JURISDICTION,
        name: 'Bench City (NYC-shaped)',
        timezone: 'America/New_York',
        ...(pack.jurisdiction.calendar
          ? { calendar: { ...pack.jurisdiction.calendar, timezone: 'America/New_York' } }
          : {}),
        boundary: NYC_BOUNDARY,
      },
      services,
      staff,
      api_keys: [{ name: 'Load generator', key: BENCH_API_KEY }],
    },
    workflows,
    geo: null,
  };
}

/** Sign-in address of clerk `index` (0-based) of department `code`. */
export function clerkEmail(code: string, index: number): string {
  return `clerk${index + 1}.${code}@bench-nyc.gov`;
}
