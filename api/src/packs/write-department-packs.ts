/**
 * Writes validated department packs inside the caller's transaction: first every department, role
 * and service (so a workflow may assign work to another pack's department), then the workflows.
 * Only what differs is written, so importing the same pack again changes nothing but the audit row
 * saying so; a workflow gets a new published version only when its content changed. Roles and services the pack leaves out stay.
 */
import type { Prisma } from '../db/generated/client.js';
import { recordAudit } from '../admin/audit.js';
import { serviceRowData } from '../admin/services.js';
import { definitionHash, publishWorkflow, saveDraft } from '../workflows/publish-workflow.js';
import { sameJson } from './same-json.js';
import type { ValidatedPack } from './validate-department-packs.js';

type Tx = Prisma.TransactionClient;

export interface DepartmentPackSummary {
  department: string;
  /** What was created or changed, e.g. `service pothole (updated)`; empty when nothing was. */
  changes: string[];
  workflows: { slug: string; version: number; published: boolean }[];
}

async function writeDepartment(tx: Tx, jurisdictionId: string, { files }: ValidatedPack, changes: string[]) {
  const d = files.pack.department;
  const key = { jurisdictionId_code: { jurisdictionId, code: d.code } };
  let row = await tx.department.findUnique({ where: key, include: { roles: true } });
  const email = d.email ?? null;
  if (!row) {
    row = await tx.department.create({
      data: { jurisdictionId, code: d.code, name: d.name, email },
      include: { roles: true },
    });
    changes.push(`department ${d.code} (created)`);
  } else if (row.name !== d.name || row.email !== email) {
    await tx.department.update({ where: { id: row.id }, data: { name: d.name, email } });
    changes.push(`department ${d.code} (updated)`);
  }
  for (const role of d.roles) {
    const before = row.roles.find((r) => r.code === role.code);
    if (before?.name === role.name) continue;
    await tx.departmentRole.upsert({
      where: { departmentId_code: { departmentId: row.id, code: role.code } },
      create: { departmentId: row.id, code: role.code, name: role.name },
      update: { name: role.name },
    });
    changes.push(`role ${role.code} (${before ? 'renamed' : 'created'})`);
  }
  for (const service of files.pack.services) {
    const data = serviceRowData(service, row.id);
    const before = await tx.service.findUnique({
      where: { jurisdictionId_code: { jurisdictionId, code: service.service_code } },
    });
    if (!before) {
      await tx.service.create({ data: { jurisdictionId, code: service.service_code, ...data } });
      changes.push(`service ${service.service_code} (created)`);
      continue;
    }
    const same = (Object.keys(data) as (keyof typeof data)[]).every((k) => sameJson(before[k], data[k]));
    if (same) continue;
    await tx.service.update({ where: { id: before.id }, data });
    changes.push(`service ${service.service_code} (updated)`);
  }
}

/** Binds the workflow's services to it where they are bound elsewhere or not at all. */
async function ensureBindings(
  tx: Tx,
  jurisdictionId: string,
  definitionId: string,
  codes: readonly string[],
) {
  const services = await tx.service.findMany({
    where: { jurisdictionId, code: { in: [...codes] } },
    include: { binding: true },
  });
  for (const s of services.filter((s) => s.binding?.definitionId !== definitionId))
    await tx.serviceWorkflowBinding.upsert({
      where: { serviceId: s.id },
      create: { serviceId: s.id, definitionId },
      update: { definitionId },
    });
}

async function writeWorkflows(
  tx: Tx,
  jurisdictionId: string,
  pack: ValidatedPack,
  by: string | null,
  summary: DepartmentPackSummary,
) {
  for (const w of pack.workflows) {
    const slug = w.definition.workflow;
    const stored = await tx.workflowDefinition.findUnique({
      where: { jurisdictionId_slug: { jurisdictionId, slug } },
      include: { versions: { orderBy: { version: 'desc' }, take: 1 } },
    });
    const latest = stored?.versions[0];
    if (stored && latest?.hash === definitionHash(w.definition)) {
      await ensureBindings(tx, jurisdictionId, stored.id, w.definition.services);
      summary.workflows.push({ slug, version: latest.version, published: false });
      continue;
    }
    await saveDraft(tx, jurisdictionId, w.yaml, by ?? undefined);
    const version = await publishWorkflow(tx, jurisdictionId, slug, {
      note: `Imported from department pack ${pack.files.source} (${w.path})`,
      ...(by ? { by } : {}),
    });
    summary.workflows.push({ slug, version: version.version, published: true });
    summary.changes.push(`workflow ${slug} v${version.version} (published)`);
  }
}

/** Writes the packs; answers what changed per department. Throws (rolling the caller back) on any failure. */
export async function writeDepartmentPacks(
  tx: Tx,
  jurisdictionId: string,
  packs: readonly ValidatedPack[],
  by: string | null,
): Promise<DepartmentPackSummary[]> {
  const summaries = packs.map(
    (p) =>
      ({ department: p.files.pack.department.code, changes: [], workflows: [] }) as DepartmentPackSummary,
  );
  for (const [i, pack] of packs.entries())
    await writeDepartment(tx, jurisdictionId, pack, summaries[i]!.changes);
  for (const [i, pack] of packs.entries()) await writeWorkflows(tx, jurisdictionId, pack, by, summaries[i]!);
  // One row per pack, even when nothing changed: the log shows every import, not only effective ones.
  for (const [i, pack] of packs.entries()) {
    const summary = summaries[i]!;
    await recordAudit(tx, by ? { id: by } : null, {
      action: 'pack.import',
      subjectType: 'department',
      subjectId: summary.department,
      data: { source: pack.files.source, changes: summary.changes },
    });
  }
  return summaries;
}
