/**
 * A city pack: one folder with `city.yaml` (jurisdiction, staff, API keys, and the department packs
 * it is made of, e.g. `departments/streets.yaml`) and optionally `geo/`. Read and checked as a whole
 * before anything is written, so a pack with a mistake changes nothing. The demo city in
 * examples/springfield is one.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { department, jurisdiction, serviceConfig, staffMember } from '@civicdesk/schemas';
import { readGeoFolder, type GeoFiles } from '../geo/index.js';
import { readDepartmentPackFile } from './read-department-pack.js';

const place = jurisdiction.extend({
  contact: z.string().optional(),
  boundary: z.record(z.string(), z.unknown()).optional(),
});
/** `password` is for demo packs only; real cities create accounts in the admin pages. */
const people = z.array(staffMember.extend({ password: z.string().min(8).optional() })).default([]);
const keys = z.array(z.object({ name: z.string().min(1), key: z.string().min(12) })).default([]);

/** city.yaml as written: department packs by path, relative to the folder. */
const cityPackFile = z.object({
  jurisdiction: place,
  departments: z
    .array(z.string().min(1, 'Write the department pack path, e.g. departments/streets.yaml'))
    .min(1, 'List at least one department pack, e.g. departments/streets.yaml'),
  staff: people,
  api_keys: keys,
});

/** A city pack with its department packs read in: every department, service and workflow. */
export const cityPack = z.object({
  jurisdiction: place,
  departments: z.array(department).min(1, 'List at least one department'),
  services: z.array(serviceConfig).default([]),
  staff: people,
  api_keys: keys,
});
export type CityPack = z.infer<typeof cityPack>;

export interface CityPackFiles {
  pack: CityPack;
  /** Every department pack's workflows; `file` names where each came from. */
  workflows: { file: string; yaml: string }[];
  /** Districts, wards, service areas and address points from `geo/`, when the pack has them. */
  geo: GeoFiles | null;
}

/** Reads a pack folder and its department packs; throws one error listing every problem with its path. */
export function readCityPack(folder: string): CityPackFiles {
  const parsed = cityPackFile.safeParse(parse(readFileSync(join(folder, 'city.yaml'), 'utf8')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `- city.yaml ${i.path.join('.')}: ${i.message}`);
    throw new Error(`The city pack in ${folder} has problems:\n${lines.join('\n')}`);
  }
  const { departments: paths, ...rest } = parsed.data;
  const problems: string[] = [];
  const pack: CityPack = { ...rest, departments: [], services: [] };
  const workflows: CityPackFiles['workflows'] = [];
  for (const path of paths) {
    const read = readDepartmentPackFile(join(folder, path));
    if (!read.ok) {
      problems.push(...read.problems.map((p) => `- ${path} ${p.path}: ${p.message}`));
      continue;
    }
    pack.departments.push(read.files.pack.department);
    pack.services.push(...read.files.pack.services);
    for (const w of read.files.workflows)
      workflows.push({ file: basename(w.file ?? `${path}#${w.path}`), yaml: w.yaml });
  }
  if (problems.length) throw new Error(`The city pack in ${folder} has problems:\n${problems.join('\n')}`);
  const geoDir = join(folder, 'geo');
  return { pack, workflows, geo: existsSync(geoDir) ? readGeoFolder(geoDir) : null };
}
