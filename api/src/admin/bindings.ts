/**
 * Which workflow handles a service. Intake pins the newest published version of the bound workflow,
 * so only workflows with a published version can be bound. Publishing a workflow also binds the
 * services its `services:` list names.
 */
import { z } from 'zod';
import type { StaffIdentity } from '../app-context.js';
import type { PrismaClient } from '../db/generated/client.js';
import { FieldErrorsError } from '../trpc/trpc.js';
import { recordAudit } from './audit.js';

export const bindInput = z.object({
  service_code: z.string().min(1, 'Choose the service, e.g. pothole'),
  workflow: z.string().min(1, 'Choose the workflow, e.g. pothole-repair'),
});
export const unbindInput = bindInput.pick({ service_code: true });

/** Services with their workflow, and the workflows that could take them. */
export async function listBindings(db: PrismaClient, jurisdictionId: string) {
  const [services, workflows] = await Promise.all([
    db.service.findMany({
      where: { jurisdictionId },
      include: { binding: { include: { workflowDefinition: true } } },
      orderBy: { code: 'asc' },
    }),
    db.workflowDefinition.findMany({
      where: { jurisdictionId },
      include: { versions: { orderBy: { version: 'desc' }, take: 1 } },
      orderBy: { slug: 'asc' },
    }),
  ]);
  return {
    services: services.map((s) => ({
      service_code: s.code,
      service_name: s.name,
      workflow: s.binding?.workflowDefinition.slug ?? null,
    })),
    workflows: workflows.map((w) => ({
      slug: w.slug,
      title: w.title,
      latestVersion: w.versions[0]?.version ?? null,
    })),
  };
}

async function serviceByCode(db: Pick<PrismaClient, 'service'>, jurisdictionId: string, code: string) {
  const service = await db.service.findUnique({ where: { jurisdictionId_code: { jurisdictionId, code } } });
  if (!service)
    throw new FieldErrorsError(
      [{ field: 'service_code', message: `There is no service '${code}'.` }],
      'NOT_FOUND',
    );
  return service;
}

/** Routes new requests of the service to the workflow (requests already filed keep theirs). */
export async function bindService(db: PrismaClient, staff: StaffIdentity, input: z.output<typeof bindInput>) {
  return db.$transaction(async (tx) => {
    const service = await serviceByCode(tx, staff.jurisdictionId, input.service_code);
    const workflow = await tx.workflowDefinition.findUnique({
      where: { jurisdictionId_slug: { jurisdictionId: staff.jurisdictionId, slug: input.workflow } },
      include: { versions: { take: 1 } },
    });
    if (!workflow)
      throw new FieldErrorsError(
        [{ field: 'workflow', message: `There is no workflow '${input.workflow}'.` }],
        'NOT_FOUND',
      );
    if (workflow.versions.length === 0)
      throw new FieldErrorsError([
        {
          field: 'workflow',
          message: `Workflow '${input.workflow}' has never been published; publish it in the designer first.`,
        },
      ]);
    const before = await tx.serviceWorkflowBinding.findUnique({
      where: { serviceId: service.id },
      include: { workflowDefinition: true },
    });
    await tx.serviceWorkflowBinding.upsert({
      where: { serviceId: service.id },
      create: { serviceId: service.id, definitionId: workflow.id },
      update: { definitionId: workflow.id },
    });
    await recordAudit(tx, staff, {
      action: 'binding.set',
      subjectType: 'service',
      subjectId: service.id,
      data: {
        service_code: service.code,
        workflow: workflow.slug,
        before: before?.workflowDefinition.slug ?? null,
      },
    });
    return { service_code: service.code, workflow: workflow.slug };
  });
}

/** Leaves the service without a workflow: new requests are stored but no run starts. */
export async function unbindService(
  db: PrismaClient,
  staff: StaffIdentity,
  input: z.output<typeof unbindInput>,
) {
  return db.$transaction(async (tx) => {
    const service = await serviceByCode(tx, staff.jurisdictionId, input.service_code);
    const { count } = await tx.serviceWorkflowBinding.deleteMany({ where: { serviceId: service.id } });
    if (count > 0)
      await recordAudit(tx, staff, {
        action: 'binding.remove',
        subjectType: 'service',
        subjectId: service.id,
        data: { service_code: service.code },
      });
    return { service_code: service.code, workflow: null };
  });
}
