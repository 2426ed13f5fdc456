/**
 * Reads a city pack's `geo/` folder: `addresses.csv` (address points) and `districts.geojson`
 * (districts, wards, service areas). Both optional. Every problem is reported at once, with the file
 * and the row or feature it is in, so a city's GIS export can be fixed in one go.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { areaKinds, type Area } from './area-index.js';
import type { AddressPointRecord } from './geocoders/offline.js';

export interface GeoFiles {
  areas: Area[];
  addressPoints: AddressPointRecord[];
}

const position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).rest(z.number());
const ring = z
  .array(position)
  .min(4, 'a ring needs at least 4 positions')
  .refine((r) => r[0]![0] === r.at(-1)![0] && r[0]![1] === r.at(-1)![1], 'a ring must end where it starts');
const geometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) }),
]);
const feature = z.object({
  type: z.literal('Feature'),
  properties: z.object({
    kind: z.enum(areaKinds, { error: `kind must be one of ${areaKinds.join(', ')}` }),
    code: z.string().trim().min(1),
    name: z.string().trim().min(1),
  }),
  geometry,
});
const featureCollection = z.object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()) });

// Blank cells stay missing (z.coerce would read them as 0, a point off the coast of Africa).
const decimal = (limit: number) =>
  z.preprocess(
    (value) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : undefined),
    z
      .number({ error: 'must be WGS84 decimal degrees' })
      .min(-limit, `must be between -${limit} and ${limit}`)
      .max(limit, `must be between -${limit} and ${limit}`),
  );
const addressRow = z
  .object({
    address_id: z.string().trim().min(1, 'address_id is empty'),
    address: z.string().trim().optional(),
    house_number: z.string().trim().optional(),
    street: z.string().trim().optional(),
    zipcode: z.string().trim().optional(),
    lat: decimal(90),
    long: decimal(180),
  })
  .transform((row) => ({
    address_id: row.address_id,
    address: row.address || [row.house_number, row.street].filter(Boolean).join(' '),
    zipcode: row.zipcode || undefined,
    lat: row.lat,
    long: row.long,
  }))
  .refine((row) => row.address !== '', 'give an address, or a house_number and street');

const describe = (issues: z.core.$ZodIssue[]) =>
  issues.map((issue) => `${issue.path.join('.') || '(row)'}: ${issue.message}`).join('; ');

/** Parses districts.geojson text; `problems` collects one line per bad feature. */
export function parseAreas(text: string, file: string, problems: string[]): Area[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    problems.push(`${file}: not valid JSON (${(error as Error).message})`);
    return [];
  }
  const collection = featureCollection.safeParse(json);
  if (!collection.success) {
    problems.push(`${file}: not a GeoJSON FeatureCollection (${describe(collection.error.issues)})`);
    return [];
  }
  const areas: Area[] = [];
  const seen = new Set<string>();
  collection.data.features.forEach((raw, i) => {
    const parsed = feature.safeParse(raw);
    if (!parsed.success) return problems.push(`${file}: feature ${i}: ${describe(parsed.error.issues)}`);
    const { kind, code, name } = parsed.data.properties;
    if (seen.has(`${kind}/${code}`))
      return problems.push(`${file}: feature ${i}: ${kind} code '${code}' is used twice`);
    seen.add(`${kind}/${code}`);
    areas.push({ kind, code, name, geometry: parsed.data.geometry as Area['geometry'] });
  });
  return areas;
}

/** Parses addresses.csv text (header row; address or house_number + street); problems name the line. */
export function parseAddressPoints(text: string, file: string, problems: string[]): AddressPointRecord[] {
  const rows = parse(text, { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
  const points: AddressPointRecord[] = [];
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const parsed = addressRow.safeParse(row);
    const line = i + 2; // 1-based, after the header
    if (!parsed.success) return problems.push(`${file}: line ${line}: ${describe(parsed.error.issues)}`);
    if (seen.has(parsed.data.address_id))
      return problems.push(`${file}: line ${line}: address_id '${parsed.data.address_id}' is used twice`);
    seen.add(parsed.data.address_id);
    points.push(parsed.data);
  });
  return points;
}

/** Reads `<folder>/districts.geojson` and `<folder>/addresses.csv` (each optional); throws listing every problem. */
export function readGeoFolder(folder: string): GeoFiles {
  const problems: string[] = [];
  const areasFile = join(folder, 'districts.geojson');
  const addressesFile = join(folder, 'addresses.csv');
  const read = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : undefined);
  const areasText = read(areasFile);
  const addressesText = read(addressesFile);
  const files: GeoFiles = {
    areas: areasText === undefined ? [] : parseAreas(areasText, areasFile, problems),
    addressPoints:
      addressesText === undefined ? [] : parseAddressPoints(addressesText, addressesFile, problems),
  };
  if (problems.length > 0) throw new Error(`The geo files have problems:\n${problems.join('\n')}`);
  return files;
}
