/**
 * "What-if over history" (issue #5): the last N requests of a workflow's services replayed through
 * the draft and through the published version, so a department head sees how many would go down
 * each path and land in each queue before publishing. Loads from the database; the rest is pure.
 */
import { parseWorkflowYaml, type WorkflowDefinition } from '@civicdesk/schemas';
import { businessCalendar, businessCalendarOf } from '@civicdesk/schemas';
import type { PrismaClient } from '../db/generated/client.js';
import { PublishRefusedError } from './publish-workflow.js';
import { replayCaseOf } from './what-if-facts.js';
import { replayAll } from './what-if-replay.js';
import { changedPaths, summarise, type ChangedPath, type WhatIfSummary } from './what-if-summary.js';

export const whatIfDefaultLimit = 100;
export const whatIfMaxLimit = 1000;

export interface WhatIfInput {
  jurisdictionId: string;
  slug: string;
  draftYaml: string;
  /** How many of the newest requests to replay. */
  limit: number;
}

export interface WhatIfAnswer {
  slug: string;
  /** Service codes whose requests were replayed. */
  services: string[];
  /** How many requests were replayed (at most `limit`). */
  requests: number;
  /** Oldest and newest requested time of the replayed requests. */
  from: string | null;
  to: string | null;
  draft: WhatIfSummary;
  /** Null when the workflow was never published. */
  published: (WhatIfSummary & { version: number }) | null;
  changed: { count: number; sample: ChangedPath[] };
}

/** The workflow's services: those bound to it, or the draft's own list while nothing is bound yet. */
export async function whatIfScope(
  db: PrismaClient,
  jurisdictionId: string,
  slug: string,
  draft: WorkflowDefinition,
) {
  const definition = await db.workflowDefinition.findUnique({
    where: { jurisdictionId_slug: { jurisdictionId, slug } },
    include: {
      bindings: { include: { service: true } },
      versions: { orderBy: { version: 'desc' }, take: 1 },
    },
  });
  const bound = definition?.bindings.map((b) => b.service) ?? [];
  const services =
    bound.length > 0
      ? bound
      : await db.service.findMany({ where: { jurisdictionId, code: { in: draft.services } } });
  return { definition, services, published: definition?.versions[0] ?? null };
}

/** Parses the draft, or throws the same refusal a save would, each problem with its line. */
export function parseDraft(yaml: string): WorkflowDefinition {
  const parsed = parseWorkflowYaml(yaml);
  if (!parsed.definition || parsed.errors.length > 0)
    throw new PublishRefusedError(
      parsed.errors.map((e) => ({
        field: e.path,
        message: `${e.line ? `line ${e.line}: ` : ''}${e.message}`,
      })),
    );
  return parsed.definition;
}

/** Replays the newest `limit` requests of the workflow's services through the draft and the published version. */
export async function runWhatIf(db: PrismaClient, input: WhatIfInput): Promise<WhatIfAnswer> {
  const draft = parseDraft(input.draftYaml);
  const { services, published } = await whatIfScope(db, input.jurisdictionId, input.slug, draft);
  const jurisdiction = await db.jurisdiction.findUniqueOrThrow({ where: { id: input.jurisdictionId } });
  const calendar = businessCalendarOf({
    timezone: jurisdiction.timezone,
    calendar: jurisdiction.calendar ? businessCalendar.parse(jurisdiction.calendar) : undefined,
  });
  const rows = await db.serviceRequest.findMany({
    where: { jurisdictionId: input.jurisdictionId, serviceId: { in: services.map((s) => s.id) } },
    orderBy: [{ requestedAt: 'desc' }, { id: 'desc' }],
    take: input.limit,
    include: {
      service: { select: { code: true } },
      tasks: { where: { status: 'completed' }, select: { nodeId: true, visit: true, outcome: true } },
    },
  });
  const cases = rows.map((row) =>
    replayCaseOf({ ...row, serviceCode: row.service.code, completedTasks: row.tasks }, calendar),
  );
  const onDraft = await replayAll(draft, cases);
  const onPublished = published
    ? await replayAll(published.definition as unknown as WorkflowDefinition, cases)
    : null;
  return {
    slug: input.slug,
    services: services.map((s) => s.code).sort(),
    requests: cases.length,
    from: rows.at(-1)?.requestedAt.toISOString() ?? null,
    to: rows[0]?.requestedAt.toISOString() ?? null,
    draft: summarise(onDraft),
    published: onPublished && published ? { version: published.version, ...summarise(onPublished) } : null,
    changed: onPublished ? changedPaths(onDraft, onPublished) : { count: 0, sample: [] },
  };
}
