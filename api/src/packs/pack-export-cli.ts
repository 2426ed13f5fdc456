/**
 * `pnpm --filter @civicdesk/api --silent pack:export -- --department streets > streets.yaml`: writes a
 * department pack to stdout (or `--out file`). `--jurisdiction` picks one when the database has several.
 */
import { writeFileSync } from 'node:fs';
import { loadConfig } from '../config.js';
import { createPrismaClient } from '../db/client.js';
import { resolveJurisdiction } from '../open311/jurisdiction.js';
import { departmentPackYaml, exportDepartmentPack } from './export-department-pack.js';
import { readCliArgs } from './pack-cli-args.js';

const { options } = readCliArgs(process.argv.slice(2));
const department = options.get('department');
if (!department) {
  console.error('Usage: pack:export -- --department <code> [--out file.yaml] [--jurisdiction id]');
  process.exit(2);
}
const db = createPrismaClient(loadConfig().DATABASE_URL);
try {
  const jurisdiction = await resolveJurisdiction(db, options.get('jurisdiction'));
  if (!jurisdiction.ok) throw new Error(jurisdiction.message);
  const yaml = departmentPackYaml(await exportDepartmentPack(db, jurisdiction.id, department));
  const out = options.get('out');
  if (out) {
    writeFileSync(out, yaml);
    console.error(`Wrote department '${department}' to ${out}`);
  } else process.stdout.write(yaml);
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
