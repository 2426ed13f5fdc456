/**
 * Imports department packs into a running instance: validated against the instance first (every
 * problem answered with its path, nothing written), then written in ONE transaction, so a failure
 * part-way leaves the database as it was. Requests already running keep their pinned versions.
 */
import type { Prisma, PrismaClient } from '../db/generated/client.js';
import { recordAudit } from '../admin/audit.js';
import type { PackProblem } from './pack-problem.js';
import type { DepartmentPackFiles } from './read-department-pack.js';
import { validateDepartmentPacks } from './validate-department-packs.js';
import { writeDepartmentPacks, type DepartmentPackSummary } from './write-department-packs.js';

export type PackImportResult =
  | { ok: true; dryRun: boolean; departments: DepartmentPackSummary[] }
  | { ok: false; problems: PackProblem[] };

export interface PackImportOptions {
  /** The staff member importing (audit and published-by); null for the CLI. */
  by?: string | null;
  /** Only validate: answer the problems, write nothing. */
  dryRun?: boolean;
}

/** Validates and, when clean and not a dry run, writes the packs in one transaction. */
export async function importDepartmentPacks(
  db: PrismaClient,
  jurisdictionId: string,
  packs: readonly DepartmentPackFiles[],
  options: PackImportOptions = {},
): Promise<PackImportResult> {
  if (options.dryRun) {
    const { problems } = await validateDepartmentPacks(db, jurisdictionId, packs);
    return problems.length ? { ok: false, problems } : { ok: true, dryRun: true, departments: [] };
  }
  const result = await db.$transaction(
    async (tx): Promise<PackImportResult> => {
      // Validated inside the transaction, so the check and the write see the same departments.
      const { problems, validated } = await validateDepartmentPacks(tx, jurisdictionId, packs);
      if (problems.length) return { ok: false, problems };
      const departments = await writeDepartmentPacks(tx, jurisdictionId, validated, options.by ?? null);
      return { ok: true, dryRun: false, departments };
    },
    { timeout: 60_000 },
  );
  if (!result.ok)
    await recordAudit(db, options.by ? { id: options.by } : null, {
      action: 'pack.import.refused',
      subjectType: 'department',
      subjectId: packs.map((p) => p.pack.department.code).join(',') || null,
      data: {
        sources: packs.map((p) => p.source),
        problems: result.problems.slice(0, 50) as unknown as Prisma.InputJsonValue,
      },
    });
  return result;
}
