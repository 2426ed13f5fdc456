/** The audit log, newest first, in keyset pages, filtered by actor, action and subject. */
import { z } from 'zod';
import type { Prisma, PrismaClient } from '../db/generated/client.js';

export const auditQueryInput = z.object({
  /** A staff member's email or id, `system`, or an api key id. */
  actor: z.string().trim().optional(),
  /** An action or its prefix ending in `.`, e.g. `service.` or `staff.create`. */
  action: z.string().trim().optional(),
  subjectType: z.string().trim().optional(),
  subjectId: z.string().trim().optional(),
  limit: z
    .number()
    .int()
    .min(1, 'limit is between 1 and 200')
    .max(200, 'limit is between 1 and 200')
    .default(50),
  /** The `nextCursor` of the previous page. */
  cursor: z.string().regex(/^\d+$/, 'cursor is the nextCursor the previous page answered').optional(),
});

/** How a free-text actor filter matches: an email names a staff member, anything else an actor id. */
async function actorWhere(
  db: PrismaClient,
  jurisdictionId: string,
  actor: string,
): Promise<Prisma.AuditLogWhereInput> {
  if (actor === 'system') return { actorType: 'system' };
  if (actor.includes('@')) {
    const staff = await db.staffMember.findUnique({
      where: { jurisdictionId_email: { jurisdictionId, email: actor.toLowerCase() } },
    });
    return { actorType: 'staff', actorId: staff?.id ?? '00000000-0000-0000-0000-000000000000' };
  }
  return { actorId: actor };
}

/**
 * A page of entries with the actor's email resolved. The log is installation-wide: entries carry no
 * jurisdiction, so every admin of this installation sees them (one jurisdiction per installation today).
 */
export async function readAuditLog(
  db: PrismaClient,
  jurisdictionId: string,
  input: z.output<typeof auditQueryInput>,
) {
  const where: Prisma.AuditLogWhereInput = {
    ...(input.actor ? await actorWhere(db, jurisdictionId, input.actor) : {}),
    ...(input.action
      ? input.action.endsWith('.')
        ? { action: { startsWith: input.action } }
        : { action: input.action }
      : {}),
    ...(input.subjectType ? { subjectType: input.subjectType } : {}),
    ...(input.subjectId ? { subjectId: input.subjectId } : {}),
    ...(input.cursor ? { id: { lt: BigInt(input.cursor) } } : {}),
  };
  const rows = await db.auditLog.findMany({ where, orderBy: { id: 'desc' }, take: input.limit + 1 });
  const page = rows.slice(0, input.limit);
  const staffIds = [
    ...new Set(page.filter((r) => r.actorType === 'staff' && r.actorId).map((r) => r.actorId!)),
  ];
  const people = await db.staffMember.findMany({
    where: { id: { in: staffIds } },
    select: { id: true, email: true },
  });
  const emails = new Map(people.map((p) => [p.id, p.email]));
  return {
    entries: page.map((r) => ({
      id: r.id.toString(),
      at: r.at.toISOString(),
      actorType: r.actorType,
      actorId: r.actorId,
      actor: (r.actorId && emails.get(r.actorId)) ?? r.actorId ?? r.actorType,
      action: r.action,
      subjectType: r.subjectType,
      subjectId: r.subjectId,
      data: r.data,
    })),
    nextCursor: rows.length > input.limit ? page.at(-1)!.id.toString() : null,
  };
}
