/**
 * Exports a department as a pack: its roles, its services with their attribute definitions, and the
 * newest published YAML of each workflow that handles one of its services, embedded so the file
 * travels alone.
 */
import { Document } from 'yaml';
import { departmentPackFormat, parseWorkflowYaml, type DepartmentPack } from '@civicdesk/schemas';
import { toServiceConfig } from '../admin/services.js';
import { findDepartment } from '../admin/departments.js';
import type { PrismaClient } from '../db/generated/client.js';

/** The department's pack as data. */
export async function exportDepartmentPack(
  db: PrismaClient,
  jurisdictionId: string,
  code: string,
): Promise<DepartmentPack> {
  const department = await findDepartment(db, jurisdictionId, code);
  const [roles, services, definitions] = await Promise.all([
    db.departmentRole.findMany({ where: { departmentId: department.id }, orderBy: { code: 'asc' } }),
    db.service.findMany({ where: { departmentId: department.id }, orderBy: { code: 'asc' } }),
    db.workflowDefinition.findMany({
      where: { jurisdictionId },
      include: {
        versions: { orderBy: { version: 'desc' }, take: 1 },
        bindings: { include: { service: true } },
      },
      orderBy: { slug: 'asc' },
    }),
  ]);
  const mine = new Set(services.map((s) => s.code));
  const workflows = definitions.flatMap((d) => {
    const published = d.versions[0];
    if (!published) return [];
    const named = parseWorkflowYaml(published.yaml).definition?.services ?? [];
    const handles = [...named, ...d.bindings.map((b) => b.service.code)];
    return handles.some((s) => mine.has(s)) ? [{ yaml: published.yaml }] : [];
  });
  return {
    format: departmentPackFormat,
    department: {
      code: department.code,
      name: department.name,
      ...(department.email ? { email: department.email } : {}),
      roles: roles.map((r) => ({ code: r.code, name: r.name })),
    },
    services: services.map((s) => toServiceConfig(s, department.code)),
    workflows,
  };
}

/** The pack as YAML: services without the implied `department`, workflows as literal blocks. */
export function departmentPackYaml(pack: DepartmentPack): string {
  const plain = {
    format: pack.format,
    department: pack.department,
    services: pack.services.map(({ department: _department, ...service }) => service),
    workflows: pack.workflows,
  };
  const document = new Document(plain);
  document.commentBefore = ` CivicDesk department pack: ${pack.department.name}. Import with the admin pages or pack:import.`;
  return document.toString({ lineWidth: 0, blockQuote: 'literal' });
}
