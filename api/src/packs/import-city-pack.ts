/**
 * Writes a city pack into the database in ONE transaction: jurisdiction, departments and roles,
 * services, staff, API keys, then each workflow saved as a draft and published. Any failure rolls the
 * whole import back. Re-importing the same pack is safe: rows are upserted, unchanged workflows keep
 * their version.
 */
import type { PrismaClient, Prisma } from '../db/generated/client.js';
import { hashPassword } from '../auth/passwords.js';
import { hashApiKey } from '../open311/api-keys.js';
import { publishWorkflow, saveDraft } from '../workflows/publish-workflow.js';
import { importGeoFolder, invalidateJurisdictionLocator } from '../geo/index.js';
import type { CityPackFiles } from './city-pack.js';

type Db = Prisma.TransactionClient;

export interface ImportSummary {
  jurisdictionId: string;
  departments: number;
  services: number;
  staff: number;
  workflows: { slug: string; version: number }[];
}

/** Imports the pack; answers what it wrote. */
export async function importCityPack(
  db: PrismaClient,
  { pack, workflows, geo }: CityPackFiles,
): Promise<ImportSummary> {
  // Hash outside the transaction: scrypt is slow on purpose and would hold the transaction open.
  const passwords = new Map(
    await Promise.all(
      pack.staff
        .filter((s) => s.password)
        .map(async (s) => [s.email, await hashPassword(s.password!)] as const),
    ),
  );
  const summary = await db.$transaction(
    async (tx) => {
      const j = pack.jurisdiction;
      const jurisdictionId = j.id;
      const place = {
        name: j.name,
        timezone: j.timezone,
        boundary: (j.boundary ?? undefined) as Prisma.InputJsonValue | undefined,
        calendar: (j.calendar ?? undefined) as Prisma.InputJsonValue | undefined,
      };
      await tx.jurisdiction.upsert({ where: { id: j.id }, create: { id: j.id, ...place }, update: place });
      const departmentIds = await importDepartments(tx, jurisdictionId, pack);
      if (geo) await importGeoFolder(tx, jurisdictionId, geo);
      for (const s of pack.services) {
        const departmentId = departmentIds.get(s.department);
        if (!departmentId)
          throw new Error(
            `Service '${s.service_code}' names department '${s.department}', which the pack does not define.`,
          );
        const data = {
          name: s.service_name,
          description: s.description,
          type: s.type,
          keywords: s.keywords,
          group: s.group,
          attributes: s.attributes as unknown as Prisma.InputJsonValue,
          departmentId,
          serviceNotice: s.service_notice ?? null,
          expectedSla: s.expected_sla ?? null,
          active: true,
        };
        await tx.service.upsert({
          where: { jurisdictionId_code: { jurisdictionId, code: s.service_code } },
          create: { jurisdictionId, code: s.service_code, ...data },
          update: data,
        });
      }
      for (const person of pack.staff)
        await importStaff(tx, jurisdictionId, person, departmentIds, passwords.get(person.email));
      for (const key of pack.api_keys) {
        await tx.apiKey.upsert({
          where: { keyHash: hashApiKey(key.key) },
          create: {
            jurisdictionId,
            name: key.name,
            keyHash: hashApiKey(key.key),
            prefix: key.key.slice(0, 8),
          },
          update: { name: key.name },
        });
      }
      const published: ImportSummary['workflows'] = [];
      for (const w of workflows) {
        const draft = await saveDraft(tx, jurisdictionId, w.yaml).catch((error: Error) => {
          throw new Error(`workflows/${w.file}: ${error.message}`);
        });
        const version = await publishWorkflow(tx, jurisdictionId, draft.slug, {
          note: `Imported from ${w.file}`,
        }).catch((error: Error) => {
          throw new Error(`workflows/${w.file}: ${error.message}`);
        });
        published.push({ slug: draft.slug, version: version.version });
      }
      return {
        jurisdictionId,
        departments: departmentIds.size,
        services: pack.services.length,
        staff: pack.staff.length,
        workflows: published,
      };
    },
    { timeout: 60_000 },
  );
  invalidateJurisdictionLocator(summary.jurisdictionId);
  return summary;
}

async function importDepartments(tx: Db, jurisdictionId: string, pack: CityPackFiles['pack']) {
  const ids = new Map<string, string>();
  for (const d of pack.departments) {
    const row = await tx.department.upsert({
      where: { jurisdictionId_code: { jurisdictionId, code: d.code } },
      create: { jurisdictionId, code: d.code, name: d.name, email: d.email ?? null },
      update: { name: d.name, email: d.email ?? null },
    });
    ids.set(d.code, row.id);
    for (const role of d.roles) {
      await tx.departmentRole.upsert({
        where: { departmentId_code: { departmentId: row.id, code: role.code } },
        create: { departmentId: row.id, code: role.code, name: role.name },
        update: { name: role.name },
      });
    }
  }
  return ids;
}

async function importStaff(
  tx: Db,
  jurisdictionId: string,
  person: CityPackFiles['pack']['staff'][number],
  departmentIds: Map<string, string>,
  passwordHash: string | undefined,
) {
  const email = person.email.toLowerCase();
  const data = {
    name: person.name,
    isAdmin: person.access === 'admin',
    active: true,
    ...(passwordHash ? { passwordHash } : {}),
  };
  const staff = await tx.staffMember.upsert({
    where: { jurisdictionId_email: { jurisdictionId, email } },
    create: { jurisdictionId, email, ...data },
    update: data,
  });
  for (const m of person.departments) {
    const departmentId = departmentIds.get(m.department);
    if (!departmentId)
      throw new Error(`Staff ${email} is a member of '${m.department}', which the pack does not define.`);
    const membership = {
      access: person.access === 'department_head' ? 'department_head' : 'staff',
      roleCodes: m.roles,
    };
    await tx.staffMembership.upsert({
      where: { staffId_departmentId: { staffId: staff.id, departmentId } },
      create: { staffId: staff.id, departmentId, ...membership },
      update: membership,
    });
  }
}
