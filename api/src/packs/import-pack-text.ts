/** Imports (or only validates) an uploaded department pack's YAML text: the admin API's entry point. */
import type { PrismaClient } from '../db/generated/client.js';
import { importDepartmentPacks, type PackImportResult } from './import-department-packs.js';
import { readDepartmentPackText } from './read-department-pack.js';

/** Reads the text, then validates and imports it (or only validates, with `dryRun`). */
export async function importDepartmentPackText(
  db: PrismaClient,
  jurisdictionId: string,
  text: string,
  options: { by: string | null; dryRun: boolean; source?: string },
): Promise<PackImportResult> {
  const read = readDepartmentPackText(text, { source: options.source ?? 'pack.yaml' });
  if (!read.ok) return read;
  return importDepartmentPacks(db, jurisdictionId, [read.files], options);
}
