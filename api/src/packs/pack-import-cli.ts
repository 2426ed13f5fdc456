/**
 * `pnpm --filter @civicdesk/api pack:import -- file.yaml [more.yaml] [--dry-run]`: validates the
 * department packs against the running city (every problem with its path) and imports them in one
 * transaction. Exit code 1 when anything is wrong; nothing is written then.
 */
import { resolve } from 'node:path';
import { loadConfig } from '../config.js';
import { createPrismaClient } from '../db/client.js';
import { resolveJurisdiction } from '../open311/jurisdiction.js';
import { importDepartmentPacks } from './import-department-packs.js';
import { readCliArgs } from './pack-cli-args.js';
import type { PackProblem } from './pack-problem.js';
import { readDepartmentPackFile, type DepartmentPackFiles } from './read-department-pack.js';

const { options, positional } = readCliArgs(process.argv.slice(2));
// pnpm runs scripts in the package folder; paths are meant from where the command was typed.
const cwd = process.env.INIT_CWD ?? process.cwd();
if (positional.length === 0) {
  console.error('Usage: pack:import -- <pack.yaml> [more.yaml] [--dry-run true] [--jurisdiction id]');
  process.exit(2);
}
const problems: PackProblem[] = [];
const packs: DepartmentPackFiles[] = [];
for (const file of positional) {
  const read = readDepartmentPackFile(resolve(cwd, file));
  if (read.ok) packs.push(read.files);
  else problems.push(...read.problems.map((p) => ({ path: `${file} ${p.path}`, message: p.message })));
}
const db = createPrismaClient(loadConfig().DATABASE_URL);
try {
  const jurisdiction = await resolveJurisdiction(db, options.get('jurisdiction'));
  if (!jurisdiction.ok) throw new Error(jurisdiction.message);
  const result = problems.length
    ? { ok: false as const, problems }
    : await importDepartmentPacks(db, jurisdiction.id, packs, { dryRun: options.has('dry-run') });
  if (!result.ok) {
    console.error(
      `Nothing was imported. Fix these and run again:\n${result.problems.map((p) => `- ${p.path}: ${p.message}`).join('\n')}`,
    );
    process.exitCode = 1;
  } else if (result.dryRun) console.log('The packs are valid; nothing was written (dry run).');
  else
    for (const d of result.departments)
      console.log(`${d.department}: ${d.changes.length ? d.changes.join(', ') : 'already up to date'}`);
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
