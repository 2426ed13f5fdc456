/**
 * Drafts and published versions. A draft is YAML being edited; publishing validates it against the
 * jurisdiction (departments, roles, services), freezes it as the next immutable version with a
 * content hash, and binds the services it names to it. Requests pin the newest version at intake.
 */
import { createHash } from 'node:crypto';
import {
  parseWorkflowYaml,
  validateWorkflow,
  type Problem,
  type WorkflowDefinition,
} from '@civicdesk/schemas';
import type { Prisma } from '../db/generated/client.js';

type Db = Prisma.TransactionClient;

/** Publishing was refused; `problems` lists every reason, each tied to its node where there is one. */
export class PublishRefusedError extends Error {
  constructor(readonly problems: Pick<Problem, 'node' | 'field' | 'message'>[]) {
    super(
      `The workflow cannot be published:\n${problems.map((p) => `- ${p.node ? `${p.node}: ` : ''}${p.message}`).join('\n')}`,
    );
    this.name = 'PublishRefusedError';
  }
}

/** JSON with sorted keys, so equal definitions hash equally whatever their key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** sha256 of what the engine runs; the designer-only layout is left out. */
export function definitionHash(definition: WorkflowDefinition): string {
  const { layout: _layout, ...runnable } = definition;
  return createHash('sha256').update(canonicalJson(runnable)).digest('hex');
}

/** Saves YAML as the draft of its workflow (created on first save); the YAML must at least parse. */
export async function saveDraft(db: Db, jurisdictionId: string, yaml: string, by?: string) {
  const parsed = parseWorkflowYaml(yaml);
  if (!parsed.definition || parsed.errors.length > 0) {
    throw new PublishRefusedError(
      parsed.errors.map((e) => ({
        field: e.path,
        message: `${e.line ? `line ${e.line}: ` : ''}${e.message}`,
      })),
    );
  }
  const { workflow: slug, title } = parsed.definition;
  return db.workflowDefinition.upsert({
    where: { jurisdictionId_slug: { jurisdictionId, slug } },
    create: { jurisdictionId, slug, title, draftYaml: yaml, updatedBy: by ?? null },
    update: { title, draftYaml: yaml, draftRevision: { increment: 1 }, updatedBy: by ?? null },
  });
}

/** Publishes the current draft; answers the new version, or the latest one when nothing changed. */
export async function publishWorkflow(
  db: Db,
  jurisdictionId: string,
  slug: string,
  opts: { note?: string; by?: string } = {},
) {
  const draft = await db.workflowDefinition.findUniqueOrThrow({
    where: { jurisdictionId_slug: { jurisdictionId, slug } },
  });
  const parsed = parseWorkflowYaml(draft.draftYaml);
  if (!parsed.definition)
    throw new PublishRefusedError(parsed.errors.map((e) => ({ field: e.path, message: e.message })));
  const definition = parsed.definition;

  const departments = await db.department.findMany({ where: { jurisdictionId }, include: { roles: true } });
  const problems: Pick<Problem, 'node' | 'field' | 'message'>[] = validateWorkflow(definition, {
    departments: departments.map((d) => ({ code: d.code, roles: d.roles.map((r) => r.code) })),
  });
  const services = await db.service.findMany({
    where: { jurisdictionId, code: { in: definition.services } },
  });
  for (const code of definition.services.filter((c) => !services.some((s) => s.code === c))) {
    problems.push({
      field: 'services',
      message: `Service '${code}' does not exist here; add it to the catalogue or remove it from services.`,
    });
  }
  if (problems.length > 0) throw new PublishRefusedError(problems);

  const hash = definitionHash(definition);
  const latest = await db.workflowVersion.findFirst({
    where: { definitionId: draft.id },
    orderBy: { version: 'desc' },
  });
  const version =
    latest?.hash === hash
      ? latest
      : await db.workflowVersion.create({
          data: {
            definitionId: draft.id,
            version: (latest?.version ?? 0) + 1,
            yaml: draft.draftYaml,
            definition: definition as unknown as Prisma.InputJsonValue,
            hash,
            note: opts.note ?? null,
            publishedBy: opts.by ?? null,
          },
        });
  for (const service of services) {
    await db.serviceWorkflowBinding.upsert({
      where: { serviceId: service.id },
      create: { serviceId: service.id, definitionId: draft.id },
      update: { definitionId: draft.id },
    });
  }
  if (version !== latest) {
    await db.auditLog.create({
      data: {
        actorType: opts.by ? 'staff' : 'system',
        actorId: opts.by ?? null,
        action: 'workflow.publish',
        subjectType: 'workflow_version',
        subjectId: version.id,
        data: { workflow: slug, version: version.version, hash },
      },
    });
  }
  return version;
}
