/**
 * `workflows.*`: what the designer needs. Drafts save with optimistic concurrency on `draftRevision`
 * (two people editing one workflow get a clear CONFLICT, not a silent overwrite); publishing is for
 * admins and answers every problem the validator found.
 */
import { TRPCError } from '@trpc/server';
import { parseWorkflowYaml, type WorkflowDefinition } from '@civicdesk/schemas';
import { z } from 'zod';
import { PublishRefusedError, publishWorkflow, saveDraft } from '../workflows/publish-workflow.js';
import { requireDraftAccess } from '../workflows/workflow-access.js';
import { requirePermission } from '../auth/permissions.js';
import {
  parseDraft,
  runWhatIf,
  whatIfDefaultLimit,
  whatIfMaxLimit,
  whatIfScope,
} from '../workflows/what-if.js';
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
      updatedAt: definition.updatedAt.toISOString(),
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
      const draft = parseWorkflowYaml(input.yaml).definition;
      const slug = draft?.workflow;
      if (slug) await requireDraftAccess(ctx.db, ctx.staff, slug, draft?.services ?? [], 'change its draft');
      else if (!ctx.staff.isAdmin && ctx.staff.headOfDepartmentIds.length === 0)
        throw new TRPCError({
          code: 'FORBIDDEN',
          message: "Only a department's head or an administrator can save workflow drafts.",
        });
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
      const known = await ctx.db.workflowDefinition.findUnique({
        where: { jurisdictionId_slug: { jurisdictionId: ctx.staff.jurisdictionId, slug: input.slug } },
        select: { id: true },
      });
      if (!known)
        throw new TRPCError({
          code: 'NOT_FOUND',
          message: `There is no workflow '${input.slug}' to publish; check slug, or save a draft first.`,
        });
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
    const ids = versions.flatMap((v) => (v.publishedBy ? [v.publishedBy] : []));
    const staff = await ctx.db.staffMember.findMany({
      where: { id: { in: ids } },
      select: { id: true, name: true },
    });
    const names = new Map(staff.map((s) => [s.id, s.name]));
    // Who published, by name: the designer shows it beside each version.
    return versions.map((v) => ({
      ...versionSummary(v),
      publishedByName: (v.publishedBy && names.get(v.publishedBy)) ?? null,
    }));
  }),

  /** One published version with its YAML and definition, to open read-only or compare with the draft. */
  version: staffProcedure
    .input(slugInput.extend({ version: z.number().int().min(1, 'Versions start at 1') }))
    .query(async ({ ctx, input }) => {
      const row = await ctx.db.workflowVersion.findFirst({
        where: {
          version: input.version,
          workflowDefinition: { jurisdictionId: ctx.staff.jurisdictionId, slug: input.slug },
        },
      });
      if (!row)
        throw new TRPCError({
          code: 'NOT_FOUND',
          message: `'${input.slug}' has no version ${input.version}; pick one from workflows.versions.`,
        });
      return {
        ...versionSummary(row),
        yaml: row.yaml,
        definition: row.definition as unknown as WorkflowDefinition,
      };
    }),

  /**
   * A request's run for the live view: the pinned version's definition, the nodes it passed (from
   * timeline events naming a node) and its tasks with their SLA due times.
   */
  run: staffProcedure
    .input(z.object({ service_request_id: z.string().regex(/^\d+$/, 'A request id is digits, e.g. 42') }))
    .query(async ({ ctx, input }) => {
      const request = await ctx.db.serviceRequest.findFirst({
        where: { id: BigInt(input.service_request_id), jurisdictionId: ctx.staff.jurisdictionId },
        include: {
          workflowVersion: { include: { workflowDefinition: true } },
          tasks: { orderBy: { createdAt: 'asc' } },
          timeline: { orderBy: [{ at: 'asc' }, { id: 'asc' }] },
        },
      });
      if (!request)
        throw new TRPCError({
          code: 'NOT_FOUND',
          message: `There is no request ${input.service_request_id}; check service_request_id.`,
        });
      // The run shows internal notes and tasks: the request's department (and admins) only.
      requirePermission(
        ctx.staff,
        'queue.work',
        { jurisdictionId: request.jurisdictionId, departmentId: request.departmentId },
        'follow runs of',
      );
      const version = request.workflowVersion;
      const path = visitedNodes(request.timeline.map((e) => e.data));
      const waiting = request.tasks.filter((t) => t.status === 'open' || t.status === 'claimed');
      return {
        serviceRequestId: String(request.id),
        status: request.status,
        extendedStatus: request.extendedStatus,
        workflow: version
          ? {
              slug: version.workflowDefinition.slug,
              version: version.version,
              yaml: version.yaml,
              definition: version.definition as unknown as WorkflowDefinition,
            }
          : null,
        path,
        current: waiting.at(-1)?.nodeId ?? (request.status === 'open' ? (path.at(-1) ?? null) : null),
        tasks: request.tasks.map((t) => ({
          id: t.id,
          nodeId: t.nodeId,
          title: t.title,
          status: t.status,
          outcome: t.outcome,
          dueAt: t.dueAt?.toISOString() ?? null,
          createdAt: t.createdAt.toISOString(),
          completedAt: t.completedAt?.toISOString() ?? null,
        })),
        timeline: request.timeline.map((e) => ({
          at: e.at.toISOString(),
          kind: e.kind,
          summary: e.summary,
          node: nodeOf(e.data),
        })),
        now: ctx.now().toISOString(),
      };
    }),

  /**
   * What-if over history: the newest `limit` requests of the workflow's services replayed through the
   * draft and the published version (counts per ending, queue and node, and the requests that change).
   * For staff of a department that owns one of those services, and admins.
   */
  whatIf: staffProcedure
    .input(
      slugInput.extend({
        draftYaml: z.string().min(1, 'The draft YAML is empty; send the YAML the designer shows'),
        limit: z
          .number()
          .int()
          .min(1, 'Replay at least 1 request')
          .max(whatIfMaxLimit, `Replay at most ${whatIfMaxLimit} requests at a time`)
          .default(whatIfDefaultLimit),
      }),
    )
    .query(async ({ ctx, input }) => {
      try {
        const draft = parseDraft(input.draftYaml);
        const { services } = await whatIfScope(ctx.db, ctx.staff.jurisdictionId, input.slug, draft);
        // Read-only: the department's clerks may see how a draft would route their requests.
        const mine = services.some((s) => ctx.staff.departmentIds.includes(s.departmentId));
        if (!ctx.staff.isAdmin && !mine)
          throw new TRPCError({
            code: 'FORBIDDEN',
            message: `Only staff of the department that handles '${input.slug}' (or an administrator) can replay its requests.`,
          });
        return await runWhatIf(ctx.db, {
          jurisdictionId: ctx.staff.jurisdictionId,
          slug: input.slug,
          draftYaml: input.draftYaml,
          limit: input.limit,
        });
      } catch (error) {
        if (error instanceof PublishRefusedError) throw refusal(error);
        throw error;
      }
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

/** The node a timeline event's data names, if any. */
function nodeOf(data: unknown): string | null {
  const node = (data as { node?: unknown } | null)?.node;
  return typeof node === 'string' ? node : null;
}

/** Nodes in the order the run entered them; several events at one node count once per visit. */
function visitedNodes(events: unknown[]): string[] {
  const path: string[] = [];
  for (const node of events.map(nodeOf)) if (node && path.at(-1) !== node) path.push(node);
  return path;
}
