/**
 * The Open311 catalogue: services and their attribute definitions, checked with the schemas'
 * `serviceConfig` contract (all six datatypes, unique codes and orders, list choices). Open311
 * `GET /services` reads the same rows, so a change shows there on the next request.
 */
import { z } from 'zod';
import { serviceConfig, type AttributeDefinition, type ServiceConfig } from '@civicdesk/schemas';
import type { StaffIdentity } from '../app-context.js';
import { serviceAttributes } from '../catalogue/open311-services.js';
import type { Prisma, PrismaClient, Service } from '../db/generated/client.js';
import { FieldErrorsError } from '../trpc/trpc.js';
import { recordAudit } from './audit.js';
import { findDepartment } from './departments.js';

export const saveServiceInput = serviceConfig;
export const setServiceActiveInput = z.object({
  service_code: z.string().min(1, 'Name the service by its code, e.g. pothole'),
  active: z.boolean(),
});

/** A stored service in the catalogue contract's shape, with its department code. */
export function toServiceConfig(service: Service, departmentCode: string): ServiceConfig {
  return {
    service_code: service.code,
    service_name: service.name,
    description: service.description,
    type: service.type as ServiceConfig['type'],
    keywords: service.keywords,
    group: service.group,
    department: departmentCode,
    attributes: serviceAttributes(service),
    ...(service.serviceNotice ? { service_notice: service.serviceNotice } : {}),
    ...(service.expectedSla ? { expected_sla: service.expectedSla } : {}),
  };
}

/** Every service (active or not) with its department, attributes and bound workflow. */
export async function listServices(db: PrismaClient, jurisdictionId: string) {
  const rows = await db.service.findMany({
    where: { jurisdictionId },
    include: { department: true, binding: { include: { workflowDefinition: true } } },
    orderBy: { code: 'asc' },
  });
  return rows.map((s) => ({
    ...toServiceConfig(s, s.department.code),
    active: s.active,
    workflow: s.binding?.workflowDefinition.slug ?? null,
    updatedAt: s.updatedAt.toISOString(),
  }));
}

/** The row fields a service config sets (the department resolved to its id). */
export function serviceRowData(config: ServiceConfig, departmentId: string) {
  return {
    name: config.service_name,
    description: config.description,
    type: config.type,
    keywords: config.keywords,
    group: config.group,
    attributes: config.attributes as AttributeDefinition[] as unknown as Prisma.InputJsonValue,
    departmentId,
    serviceNotice: config.service_notice ?? null,
    expectedSla: config.expected_sla ?? null,
  };
}

/** Creates the service or replaces its definition (attributes included); audited with before and after. */
export async function saveService(db: PrismaClient, staff: StaffIdentity, config: ServiceConfig) {
  return db.$transaction(async (tx) => {
    const department = await findDepartment(tx, staff.jurisdictionId, config.department, 'department');
    const key = { jurisdictionId_code: { jurisdictionId: staff.jurisdictionId, code: config.service_code } };
    const before = await tx.service.findUnique({ where: key, include: { department: true } });
    const data = serviceRowData(config, department.id);
    const row = await tx.service.upsert({
      where: key,
      create: { jurisdictionId: staff.jurisdictionId, code: config.service_code, ...data },
      update: data,
    });
    await recordAudit(tx, staff, {
      action: before ? 'service.update' : 'service.create',
      subjectType: 'service',
      subjectId: row.id,
      data: {
        service_code: row.code,
        ...(before
          ? { before: toServiceConfig(before, before.department.code) as unknown as Prisma.InputJsonValue }
          : {}),
        after: config as unknown as Prisma.InputJsonValue,
      },
    });
    return { ...toServiceConfig(row, department.code), active: row.active };
  });
}

/** Hides a service from Open311 and the report form (or shows it again); its requests stay. */
export async function setServiceActive(
  db: PrismaClient,
  staff: StaffIdentity,
  input: z.output<typeof setServiceActiveInput>,
) {
  return db.$transaction(async (tx) => {
    const { count } = await tx.service.updateMany({
      where: { jurisdictionId: staff.jurisdictionId, code: input.service_code },
      data: { active: input.active },
    });
    if (count === 0)
      throw new FieldErrorsError(
        [{ field: 'service_code', message: `There is no service '${input.service_code}'.` }],
        'NOT_FOUND',
      );
    await recordAudit(tx, staff, {
      action: input.active ? 'service.activate' : 'service.deactivate',
      subjectType: 'service',
      subjectId: input.service_code,
      data: { service_code: input.service_code },
    });
    return { service_code: input.service_code, active: input.active };
  });
}
