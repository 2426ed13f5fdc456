/**
 * `workflows.*`: what the designer needs. Drafts save with optimistic concurrency on `draftRevision`
 * (two people editing one workflow get a clear CONFLICT, not a silent overwrite); publishing is for
 * admins and answers every problem the validator found.
 */
import { TRPCError } from '@trpc/server';
import { parseWorkflowYaml } from '@civicdesk/schemas';
import { z } from 'zod';
import { PublishRefusedError, publishWorkflow, saveDraft } from '../workflows/publish-workflow.js';
import { FieldErrorsError, router, staffProcedure } from './trpc.js';

const slugInput = z.object({ slug: z.string().min(1, 'Name the workflow, e.g. pothole-repair') });

/** Problems as field errors: `nodes.inspect.outcomes` when a problem names its node. */
function refusal(error: PublishRefusedError): FieldErrorsError {
  return new FieldErrorsError(
    error.problems.map((problem) => ({
      field:
        [problem.node ? `nodes.${problem.node}` : '', problem.field ?? ''].filter(Boolean).join('.') ||
        'workflow',
      message: problem.message,
    })),
  );
}

export const workflowsRouter = router({
  /** Every workflow of the jurisdiction with its draft revision and newest published version. */
  list: staffProcedure.query(async ({ ctx }) => {
    const definitions = await ctx.db.workflowDefinition.findMany({
      where: { jurisdictionId: ctx.staff.jurisdictionId },
      include: {
        versions: { orderBy: { version: 'desc' }, take: 1 },
        bindings: { include: { service: true } },
      },
      orderBy: { slug: 'asc' },
    });
    return definitions.map((d) => ({
      slug: d.slug,
      title: d.title,
      draftRevision: d.draftRevision,
      updatedAt: d.updatedAt.toISOString(),
      latestVersion: d.versions[0]?.version ?? null,
      services: d.bindings.map((b) => b.service.code),
    }));
  }),

  /** The draft YAML with its revision (send it back to `saveDraft`) and the published versions. */
  get: staffProcedure.input(slugInput).query(async ({ ctx, input }) => {
    const definition = await ctx.db.workflowDefinition.findUnique({
      where: { jurisdictionId_slug: { jurisdictionId: ctx.staff.jurisdictionId, slug: input.slug } },
      include: { versions: { orderBy: { version: 'desc' } } },
    });
    if (!definition)
      throw new TRPCError({ code: 'NOT_FOUND', message: `There is no workflow '${input.slug}'.` });
    return {
      slug: definition.slug,
      title: definition.title,
      draftYaml: definition.draftYaml,
      draftRevision: definition.draftRevision,
      versions: definition.versions.map(versionSummary),
    };
  }),

  /**
   * Saves the draft. `baseRevision` is the revision the editor started from (null for a new workflow);
   * if someone saved since, the save is refused so their work is not overwritten.
   */
  saveDraft: staffProcedure
    .input(
      z.object({
        yaml: z.string().min(1, 'The workflow YAML is empty'),
        baseRevision: z.number().int().nullable(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const slug = parseWorkflowYaml(input.yaml).definition?.workflow;
      try {
        const saved = await ctx.db.$transaction(async (tx) => {
          if (slug) {
            const rows = await tx.$queryRaw<{ draft_revision: number }[]>`
              SELECT draft_revision FROM workflow_definitions
              WHERE jurisdiction_id = ${ctx.staff.jurisdictionId} AND slug = ${slug} FOR UPDATE`;
            const current = rows[0]?.draft_revision ?? null;
            if (current !== input.baseRevision) throw conflict(slug, current, input.baseRevision);
          }
          return saveDraft(tx, ctx.staff.jurisdictionId, input.yaml, ctx.staff.id);
        });
        return {
          slug: saved.slug,
          draftRevision: saved.draftRevision,
          updatedAt: saved.updatedAt.toISOString(),
        };
      } catch (error) {
        if (error instanceof PublishRefusedError) throw refusal(error);
        throw error;
      }
    }),

  /** Publishes the saved draft as the next version (admins only); refusals list every problem. */
  publish: staffProcedure
    .input(slugInput.extend({ note: z.string().max(500).optional() }))
    .mutation(async ({ ctx, input }) => {
      if (!ctx.staff.isAdmin)
        throw new TRPCError({ code: 'FORBIDDEN', message: 'Only an administrator can publish workflows.' });
      try {
        const version = await ctx.db.$transaction((tx) =>
          publishWorkflow(tx, ctx.staff.jurisdictionId, input.slug, {
            by: ctx.staff.id,
            ...(input.note ? { note: input.note } : {}),
          }),
        );
        return versionSummary(version);
      } catch (error) {
        if (error instanceof PublishRefusedError) throw refusal(error);
        throw error;
      }
    }),

  /** Published versions, newest first. */
  versions: staffProcedure.input(slugInput).query(async ({ ctx, input }) => {
    const versions = await ctx.db.workflowVersion.findMany({
      where: { workflowDefinition: { jurisdictionId: ctx.staff.jurisdictionId, slug: input.slug } },
      orderBy: { version: 'desc' },
    });
    return versions.map(versionSummary);
  }),

  /** Departments and their role codes, for task assignment. */
  departments: staffProcedure.query(async ({ ctx }) => {
    const departments = await ctx.db.department.findMany({
      where: { jurisdictionId: ctx.staff.jurisdictionId },
      include: { roles: { orderBy: { code: 'asc' } } },
      orderBy: { code: 'asc' },
    });
    return departments.map((d) => ({
      code: d.code,
      name: d.name,
      roles: d.roles.map((r) => ({ code: r.code, name: r.name })),
    }));
  }),

  /** Services with their attribute definitions, the facts decision rules can test. */
  services: staffProcedure.query(async ({ ctx }) => {
    const services = await ctx.db.service.findMany({
      where: { jurisdictionId: ctx.staff.jurisdictionId, active: true },
      orderBy: { code: 'asc' },
    });
    return services.map((s) => ({ code: s.code, name: s.name, attributes: serviceAttributes(s.attributes) }));
  }),
});

type VersionRow = {
  version: number;
  hash: string;
  note: string | null;
  publishedAt: Date;
  publishedBy: string | null;
};

function versionSummary(v: VersionRow) {
  return {
    version: v.version,
    hash: v.hash,
    note: v.note,
    publishedAt: v.publishedAt.toISOString(),
    publishedBy: v.publishedBy,
  };
}

function conflict(slug: string, current: number | null, base: number | null): TRPCError {
  const message =
    current === null
      ? `Workflow '${slug}' was not saved before; save it as new (no base revision).`
      : base === null
        ? `A workflow named '${slug}' already exists. Open it to edit, or give this one another name.`
        : `Someone saved '${slug}' since you opened it (revision ${current}, yours is ${base}). Reload it and apply your changes again.`;
  return new TRPCError({ code: 'CONFLICT', message });
}

const attributeShape = z.object({
  code: z.string(),
  datatype: z.string(),
  description: z.string().optional(),
  values: z.array(z.object({ key: z.string(), name: z.string() })).optional(),
});

/** The stored Open311 attribute JSON, narrowed to what the designer reads. */
function serviceAttributes(json: unknown) {
  const parsed = z.array(attributeShape.loose()).safeParse(json);
  return parsed.success
    ? parsed.data.map((a) => ({
        code: a.code,
        datatype: a.datatype,
        ...(a.description ? { description: a.description } : {}),
        ...(a.values ? { values: a.values.map((v) => ({ key: String(v.key), name: v.name })) } : {}),
      }))
    : [];
}
