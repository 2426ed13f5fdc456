/**
 * Writes a city pack into the database in ONE transaction: the jurisdiction and its geo files, then
 * the departments through the department pack import (roles, services, workflows published), then
 * staff and API keys. Any failure rolls the whole import back. Re-importing the same pack is safe:
 * only what differs is written, unchanged workflows keep their version.
 */
import type { PrismaClient, Prisma } from '../db/generated/client.js';
import { hashPassword } from '../auth/passwords.js';
import { hashApiKey } from '../open311/api-keys.js';
import { importGeoFolder, invalidateJurisdictionLocator } from '../geo/index.js';
import type { CityPackFiles } from './city-pack.js';
import { cityDepartmentPacks } from './city-department-packs.js';
import { PackRefusedError } from './pack-problem.js';
import { validateDepartmentPacks } from './validate-department-packs.js';
import { writeDepartmentPacks } from './write-department-packs.js';

type Db = Prisma.TransactionClient;

export interface ImportSummary {
  jurisdictionId: string;
  departments: number;
  services: number;
  staff: number;
  workflows: { slug: string; version: number }[];
}

/** Imports the pack; answers what it wrote. Throws PackRefusedError listing every problem. */
export async function importCityPack(db: PrismaClient, files: CityPackFiles): Promise<ImportSummary> {
  const { pack, geo } = files;
  // Hash outside the transaction: scrypt is slow on purpose and would hold the transaction open.
  const passwords = new Map(
    await Promise.all(
      pack.staff
        .filter((s) => s.password)
        .map(async (s) => [s.email, await hashPassword(s.password!)] as const),
    ),
  );
  const departmentPacks = cityDepartmentPacks(files);
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
      if (geo) await importGeoFolder(tx, jurisdictionId, geo);
      const { problems, validated } = await validateDepartmentPacks(tx, jurisdictionId, departmentPacks);
      if (problems.length) throw new PackRefusedError(problems);
      const written = await writeDepartmentPacks(tx, jurisdictionId, validated, null);
      const departments = await tx.department.findMany({ where: { jurisdictionId } });
      const departmentIds = new Map(departments.map((d) => [d.code, d.id]));
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
      return {
        jurisdictionId,
        departments: departmentPacks.length,
        services: pack.services.length,
        staff: pack.staff.length,
        workflows: written.flatMap((d) => d.workflows.map(({ slug, version }) => ({ slug, version }))),
      };
    },
    { timeout: 60_000 },
  );
  invalidateJurisdictionLocator(summary.jurisdictionId);
  return summary;
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
