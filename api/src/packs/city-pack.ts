/**
 * A city pack: one folder with `city.yaml` (jurisdiction, departments, services, staff, API keys)
 * and `workflows/*.yaml`. Read and checked as a whole before anything is written, so a pack with a
 * mistake changes nothing. The demo city in examples/springfield is one.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { department, jurisdiction, serviceConfig, staffMember } from '@civicdesk/schemas';
import { readGeoFolder, type GeoFiles } from '../geo/index.js';

export const cityPack = z.object({
  jurisdiction: jurisdiction.extend({
    contact: z.string().optional(),
    boundary: z.record(z.string(), z.unknown()).optional(),
  }),
  departments: z.array(department).min(1, 'List at least one department'),
  services: z.array(serviceConfig).default([]),
  /** `password` is for demo packs only; real cities create accounts in the admin pages. */
  staff: z.array(staffMember.extend({ password: z.string().min(8).optional() })).default([]),
  api_keys: z.array(z.object({ name: z.string().min(1), key: z.string().min(12) })).default([]),
});
export type CityPack = z.infer<typeof cityPack>;

export interface CityPackFiles {
  pack: CityPack;
  workflows: { file: string; yaml: string }[];
  /** Districts, wards, service areas and address points from `geo/`, when the pack has them. */
  geo: GeoFiles | null;
}

/** Reads a pack folder; throws one error listing every problem in city.yaml with its path. */
export function readCityPack(folder: string): CityPackFiles {
  const parsed = cityPack.safeParse(parse(readFileSync(join(folder, 'city.yaml'), 'utf8')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `- city.yaml ${i.path.join('.')}: ${i.message}`);
    throw new Error(`The city pack in ${folder} has problems:\n${lines.join('\n')}`);
  }
  const dir = join(folder, 'workflows');
  const workflows = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort()
    .map((file) => ({ file, yaml: readFileSync(join(dir, file), 'utf8') }));
  const geoDir = join(folder, 'geo');
  return { pack: parsed.data, workflows, geo: existsSync(geoDir) ? readGeoFolder(geoDir) : null };
}
