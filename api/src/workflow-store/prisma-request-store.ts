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

/**
 * Writes a timeline row once (by its key) and, only when this call wrote it, the change it records,
 * in one transaction: a retried activity neither repeats the entry nor re-applies the change.
 */
async function recordOnce(
  db: PrismaClient,
  row: Prisma.TimelineEventCreateManyInput,
  apply: (tx: Tx) => Promise<void>,
): Promise<void> {
  await db.$transaction(async (tx) => {
    if (await appendOnce(tx, row)) await apply(tx);
  });
}

/** Queues the resident's mail about a status row this transaction wrote (same key + `:notify`, so once). */
async function queueStatusMail(
  tx: Tx,
  row: { requestId: bigint; key: string; template: string; at: Date; data: Record<string, string | null> },
): Promise<void> {
  const data = Object.fromEntries(Object.entries(row.data).filter(([, v]) => v !== null));
  await tx.notification.createMany({
    data: [
      {
        requestId: row.requestId,
        dedupeKey: `${row.key}:notify`,
        template: row.template,
        channel: 'email',
        data,
        createdAt: row.at,
      },
    ],
    skipDuplicates: true,
  });
}

/** The department `code` of the request's jurisdiction; a definition naming an unknown one fails loudly. */
async function departmentOfRequest(db: PrismaClient, requestId: bigint, code: string, what: string) {
  const request = await db.serviceRequest.findUniqueOrThrow({
    where: { id: requestId },
    select: { jurisdictionId: true },
  });
  const department = await db.department.findUnique({
    where: { jurisdictionId_code: { jurisdictionId: request.jurisdictionId, code } },
  });
  if (!department)
    throw new Error(`${what} names department '${code}', which does not exist in ${request.jurisdictionId}.`);
  return department;
}

/** Builds the store; `now` is the activity's clock (activities may read time, workflows may not). */
export function prismaRequestStore(db: PrismaClient, now: () => Date = () => new Date()): RequestStore {
  return {
    async createTask(input) {
      const requestId = BigInt(input.requestId);
      const department = await departmentOfRequest(db, requestId, input.department, `Task '${input.node}'`);
      const at = now();
      // The run computes the deadline in workflow time (business calendar included); older runs sent only an ISO SLA.
      const dueAt = input.dueAt
        ? new Date(input.dueAt)
        : input.sla && input.sla.startsWith('P')
          ? addIsoDuration(at, input.sla)
          : null;
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
            form: input.form as Prisma.InputJsonValue,
            dueAt,
            createdAt: at,
          },
        });
        // The department doing the work is the one answerable for the request (Open311 agency_responsible),
        // and the task's deadline is when the resident can expect it done (Open311 expected_datetime).
        await tx.serviceRequest.update({
          where: { id: requestId },
          data: { departmentId: department.id, updatedAt: at, ...(dueAt ? { expectedAt: dueAt } : {}) },
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
      await recordOnce(
        db,
        {
          requestId: BigInt(input.requestId),
          at,
          kind: 'status_changed',
          public: true,
          summary: input.note ?? `Status: ${input.status.replaceAll('_', ' ')}`,
          actor: 'workflow',
          data: { status: input.status },
          dedupeKey: input.key,
        },
        async (tx) => {
          await tx.serviceRequest.update({
            where: { id: BigInt(input.requestId) },
            data: {
              extendedStatus: input.status,
              status: toOpen311Status(input.status),
              ...(input.note ? { statusNotes: input.note } : {}),
              updatedAt: at,
            },
          });
          await queueStatusMail(tx, {
            requestId: BigInt(input.requestId),
            key: input.key,
            template: 'status_changed',
            at,
            data: { status: input.status, note: input.note },
          });
        },
      );
    },

    async closeRequest(input) {
      const at = now();
      const requestId = BigInt(input.requestId);
      await recordOnce(
        db,
        {
          requestId,
          at,
          kind: 'closed',
          public: true,
          summary: input.message ?? `Closed: ${input.resolution.replaceAll('_', ' ')}`,
          actor: 'workflow',
          data: { status: input.status, resolution: input.resolution },
          dedupeKey: input.key,
        },
        async (tx) => {
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
          await queueStatusMail(tx, {
            requestId,
            key: input.key,
            template: 'request_closed',
            at,
            data: { status: input.status, resolution: input.resolution, message: input.message },
          });
        },
      );
    },

    async queueNotification(input) {
      await db.notification.createMany({
        data: [
          {
            requestId: BigInt(input.requestId),
            dedupeKey: input.key,
            template: input.template,
            channel: input.channel,
            data: input.data,
            createdAt: now(),
          },
        ],
        skipDuplicates: true,
      });
    },

    async transferRequest(input) {
      const requestId = BigInt(input.requestId);
      const department = await departmentOfRequest(
        db,
        requestId,
        input.department,
        `Transfer '${input.node}'`,
      );
      const at = now();
      await recordOnce(
        db,
        {
          requestId,
          at,
          kind: 'note',
          public: true,
          summary: input.note ?? `Passed to ${department.name}`,
          actor: 'workflow',
          data: { transferredTo: department.code, node: input.node },
          dedupeKey: input.key,
        },
        async (tx) => {
          await tx.serviceRequest.update({
            where: { id: requestId },
            data: { departmentId: department.id, updatedAt: at },
          });
        },
      );
    },

    async linkDuplicate(input) {
      const requestId = BigInt(input.requestId);
      if (!/^\d{1,18}$/.test(input.duplicateOf))
        return { linked: false, reason: `'${input.duplicateOf}' is not a request id` };
      const originalId = BigInt(input.duplicateOf);
      if (originalId === requestId) return { linked: false, reason: 'a request cannot duplicate itself' };
      const at = now();
      return db.$transaction(async (tx) => {
        const original = await tx.serviceRequest.findUnique({
          where: { id: originalId },
          select: { duplicateOfId: true },
        });
        if (!original) return { linked: false, reason: `request ${input.duplicateOf} does not exist` };
        if (original.duplicateOfId === requestId)
          return { linked: false, reason: `request ${input.duplicateOf} is itself a duplicate of this one` };
        const written = await appendOnce(tx, {
          requestId,
          at,
          kind: 'duplicate',
          public: true,
          summary: `Duplicate of request ${input.duplicateOf}`,
          actor: 'workflow',
          data: { duplicateOf: input.duplicateOf, node: input.node },
          dedupeKey: input.key,
        });
        if (written) {
          await tx.serviceRequest.update({
            where: { id: requestId },
            data: { duplicateOfId: originalId, updatedAt: at },
          });
        }
        return { linked: true } as const;
      });
    },

    async reopenRequest(input) {
      const at = now();
      const requestId = BigInt(input.requestId);
      await recordOnce(
        db,
        {
          requestId,
          at,
          kind: 'reopened',
          public: true,
          summary: input.reason ? `Reopened: ${input.reason}` : 'Reopened',
          actor: input.by,
          data: { node: input.node, workflowId: input.workflowId },
          dedupeKey: input.key,
        },
        async (tx) => {
          // Status open again; the closed_at trigger clears the closing date.
          await tx.serviceRequest.update({
            where: { id: requestId },
            data: { status: 'open', extendedStatus: 'reopen', resolution: null, updatedAt: at },
          });
        },
      );
    },

    async reassignTask(input) {
      const requestId = BigInt(input.requestId);
      const department = await departmentOfRequest(
        db,
        requestId,
        input.department,
        `Reassigning task '${input.node}'`,
      );
      const at = now();
      const waiting = { id: input.taskId, status: { in: ['open', 'claimed'] } };
      await db.$transaction(async (tx) => {
        // A task moving to another department arrives unclaimed: the old department's clerk no longer holds it.
        const moved = await tx.task.updateMany({
          where: { ...waiting, departmentId: { not: department.id } },
          data: {
            departmentId: department.id,
            role: input.role,
            status: 'open',
            assigneeId: null,
            claimedAt: null,
            version: { increment: 1 },
          },
        });
        const stayed = moved.count
          ? 0
          : (
              await tx.task.updateMany({
                where: { ...waiting, departmentId: department.id },
                data: { role: input.role, version: { increment: 1 } },
              })
            ).count;
        if (moved.count + stayed === 0) return;
        await tx.serviceRequest.update({
          where: { id: requestId },
          data: { departmentId: department.id, updatedAt: at },
        });
      });
    },

    async cancelTask(input) {
      await db.task.updateMany({
        where: { id: input.taskId, status: { in: ['open', 'claimed'] } },
        data: { status: 'cancelled', version: { increment: 1 } },
      });
    },

    async publishAnswer(input) {
      const at = now();
      await recordOnce(
        db,
        {
          requestId: BigInt(input.requestId),
          at,
          kind: 'note',
          public: true,
          summary: input.text,
          actor: input.by,
          data: { answer: true, taskId: input.taskId, node: input.node },
          dedupeKey: input.key,
        },
        async (tx) => {
          await tx.serviceRequest.update({
            where: { id: BigInt(input.requestId) },
            data: { statusNotes: input.text, updatedAt: at },
          });
        },
      );
    },

    // The completion's audit row is written with the projection, in one transaction, so a completion
    // the run accepted is audited even if the API lost its connection before answering the clerk.
    async markTaskCompleted(input) {
      await db.$transaction(async (tx) => {
        const { count } = await tx.task.updateMany({
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
        if (count === 0) return;
        const [actorType, actorId] = input.by.includes(':') ? input.by.split(':', 2) : ['system', input.by];
        await tx.auditLog.create({
          data: {
            at: now(),
            actorType: actorType === 'staff' ? 'staff' : 'workflow',
            actorId: actorId ?? null,
            action: 'task.complete',
            subjectType: 'task',
            subjectId: input.taskId,
            data: { outcome: input.outcome, requestId: input.requestId },
          },
        });
      });
    },
  };
}
