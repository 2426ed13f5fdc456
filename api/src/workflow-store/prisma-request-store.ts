/**
 * The engine's RequestStore port over Prisma: how a run's steps land in the request tables.
 * Every write is idempotent: timeline rows carry the run's write key in a unique `dedupe_key`, task
 * rows are unique per (workflow, node, visit), so an activity retried after a crash writes nothing twice.
 */
import { toOpen311Status } from '@civicdesk/schemas';
import type { RequestStore } from '@civicdesk/engine/temporal';
import type { PrismaClient } from '../db/generated/client.js';
import type { Prisma } from '../db/generated/client.js';
import { addIsoDuration } from '../time/iso-duration.js';

type Tx = Prisma.TransactionClient;

/** Inserts a timeline row unless its key was written before; true when this call wrote it. */
async function appendOnce(tx: Tx, row: Prisma.TimelineEventCreateManyInput): Promise<boolean> {
  const { count } = await tx.timelineEvent.createMany({ data: [row], skipDuplicates: true });
  return count === 1;
}

/** Builds the store; `now` is the activity's clock (activities may read time, workflows may not). */
export function prismaRequestStore(db: PrismaClient, now: () => Date = () => new Date()): RequestStore {
  return {
    async createTask(input) {
      const requestId = BigInt(input.requestId);
      const request = await db.serviceRequest.findUniqueOrThrow({
        where: { id: requestId },
        select: { jurisdictionId: true },
      });
      const department = await db.department.findUnique({
        where: { jurisdictionId_code: { jurisdictionId: request.jurisdictionId, code: input.department } },
      });
      if (!department)
        throw new Error(
          `Task '${input.node}' is assigned to department '${input.department}', which does not exist in ${request.jurisdictionId}.`,
        );
      const at = now();
      return db.$transaction(async (tx) => {
        const task = await tx.task.upsert({
          where: {
            workflowId_nodeId_visit: { workflowId: input.workflowId, nodeId: input.node, visit: input.visit },
          },
          update: {},
          create: {
            requestId,
            workflowId: input.workflowId,
            nodeId: input.node,
            visit: input.visit,
            title: input.title,
            kind: input.kind,
            departmentId: department.id,
            role: input.role,
            outcomes: input.outcomes,
            dueAt: input.sla ? addIsoDuration(at, input.sla) : null,
            createdAt: at,
          },
        });
        // The department doing the work is the one answerable for the request (Open311 agency_responsible).
        await tx.serviceRequest.update({
          where: { id: requestId },
          data: { departmentId: department.id, updatedAt: at },
        });
        return { taskId: task.id };
      });
    },

    async appendTimeline(input) {
      await appendOnce(db, {
        requestId: BigInt(input.requestId),
        at: now(),
        kind: input.kind,
        public: input.public,
        summary: input.summary,
        description: input.description,
        actor: input.actor.id ? `${input.actor.type}:${input.actor.id}` : input.actor.type,
        data: { ...input.data, ...(input.node ? { node: input.node } : {}) } as Prisma.InputJsonValue,
        dedupeKey: input.key,
      });
    },

    async setStatus(input) {
      const at = now();
      await db.$transaction(async (tx) => {
        const written = await appendOnce(tx, {
          requestId: BigInt(input.requestId),
          at,
          kind: 'status_changed',
          public: true,
          summary: input.note ?? `Status: ${input.status.replaceAll('_', ' ')}`,
          actor: 'workflow',
          data: { status: input.status },
          dedupeKey: input.key,
        });
        if (!written) return;
        await tx.serviceRequest.update({
          where: { id: BigInt(input.requestId) },
          data: {
            extendedStatus: input.status,
            status: toOpen311Status(input.status),
            ...(input.note ? { statusNotes: input.note } : {}),
            updatedAt: at,
          },
        });
      });
    },

    async closeRequest(input) {
      const at = now();
      const requestId = BigInt(input.requestId);
      await db.$transaction(async (tx) => {
        const written = await appendOnce(tx, {
          requestId,
          at,
          kind: 'closed',
          public: true,
          summary: input.message ?? `Closed: ${input.resolution.replaceAll('_', ' ')}`,
          actor: 'workflow',
          data: { status: input.status, resolution: input.resolution },
          dedupeKey: input.key,
        });
        if (!written) return;
        await tx.serviceRequest.update({
          where: { id: requestId },
          data: {
            status: 'closed',
            extendedStatus: toOpen311Status(input.status) === 'closed' ? input.status : 'closed',
            resolution: input.resolution,
            statusNotes: input.message,
            closedAt: at,
            updatedAt: at,
          },
        });
        await tx.task.updateMany({
          where: { requestId, status: { in: ['open', 'claimed'] } },
          data: { status: 'cancelled', version: { increment: 1 } },
        });
      });
    },

    async markTaskCompleted(input) {
      await db.task.updateMany({
        where: { id: input.taskId, status: { in: ['open', 'claimed'] } },
        data: {
          status: 'completed',
          outcome: input.outcome,
          completedBy: input.by,
          completedAt: now(),
          notes: input.note,
          version: { increment: 1 },
        },
      });
    },
  };
}
