/**
 * Staff mark a request as a duplicate of another (or undo it). Each change writes the link, a public
 * timeline event on both requests (residents of either see why) and an audit row, in one transaction.
 * Links form chains that always end at an original: no self-links, no cycles, one jurisdiction.
 */
import type { PrismaClient, Prisma } from '../db/generated/client.js';
import { DuplicateRefusedError, requestKey } from './duplicate-errors.js';

/** Who acts, as in timeline events and audit rows: `staff:<uuid>`, `workflow:<id>` or `system`. */
export type DuplicateActor = string;

export interface LinkDuplicateInput {
  requestId: string | bigint;
  duplicateOfId: string | bigint;
  by: DuplicateActor;
  /** When given, both requests must belong to it (the caller's jurisdiction). */
  jurisdictionId?: string;
  now?: Date;
}

export interface UnlinkDuplicateInput {
  requestId: string | bigint;
  by: DuplicateActor;
  jurisdictionId?: string;
  now?: Date;
}

/** `changed` is false when the request was already in the asked state (nothing written). */
export interface LinkResult {
  requestId: string;
  duplicateOfId: string | null;
  changed: boolean;
}

const ACTOR_TYPES = ['staff', 'system', 'workflow'] as const;

/** Records that `requestId` repeats `duplicateOfId`; refuses self-links, cross-jurisdiction links and cycles. */
export async function linkDuplicate(db: PrismaClient, input: LinkDuplicateInput): Promise<LinkResult> {
  const actor = parseActor(input.by);
  const id = requestKey('request_id', input.requestId);
  const originalId = requestKey('duplicate_of_id', input.duplicateOfId);
  if (id === originalId)
    throw new DuplicateRefusedError(
      'duplicate_of_id',
      `Request ${id} cannot be a duplicate of itself; choose the earlier request it repeats.`,
    );
  const now = input.now ?? new Date();
  return db.$transaction(async (tx) => {
    const request = await loadRequest(tx, 'request_id', id, input.jurisdictionId);
    // Not limited to the caller's jurisdiction, so that linking across says so plainly.
    const original = await loadRequest(tx, 'duplicate_of_id', originalId);
    if (request.jurisdictionId !== original.jurisdictionId)
      throw new DuplicateRefusedError(
        'duplicate_of_id',
        `Request ${originalId} belongs to another jurisdiction (${original.jurisdictionId}); link duplicates within ${request.jurisdictionId} only.`,
      );
    // One linker at a time per jurisdiction, so two concurrent links cannot close a cycle together.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`duplicates:${request.jurisdictionId}`}))`;
    const current = await tx.serviceRequest.findUniqueOrThrow({
      where: { id },
      select: { duplicateOfId: true },
    });
    if (current.duplicateOfId === originalId)
      return { requestId: id.toString(), duplicateOfId: originalId.toString(), changed: false };
    const chain = await tx.$queryRaw<{ id: bigint }[]>`
      WITH RECURSIVE chain(id, next, depth) AS (
        SELECT id, duplicate_of_id, 0 FROM service_requests WHERE id = ${originalId}
        UNION ALL
        SELECT r.id, r.duplicate_of_id, c.depth + 1 FROM service_requests r JOIN chain c ON r.id = c.next
        WHERE c.depth < 1000)
      SELECT id FROM chain`;
    if (chain.some((link) => link.id === id))
      throw new DuplicateRefusedError(
        'duplicate_of_id',
        `Request ${originalId} is already (through ${chain.length - 1} link(s)) a duplicate of request ${id}; linking back would make a cycle. Unlink one of them first.`,
      );
    await tx.serviceRequest.update({ where: { id }, data: { duplicateOfId: originalId, updatedAt: now } });
    await tx.timelineEvent.createMany({
      data: [
        {
          requestId: id,
          at: now,
          kind: 'duplicate_linked',
          public: true,
          summary: `Marked as a duplicate of request ${originalId}`,
          actor: input.by,
          data: {
            duplicate_of_id: originalId.toString(),
            previous: current.duplicateOfId?.toString() ?? null,
          },
        },
        {
          requestId: originalId,
          at: now,
          kind: 'duplicate_received',
          public: true,
          summary: `Request ${id} was marked as a duplicate of this one`,
          actor: input.by,
          data: { duplicate_id: id.toString() },
        },
      ],
    });
    await tx.auditLog.create({
      data: {
        at: now,
        ...actor,
        action: 'request.duplicate_link',
        subjectType: 'service_request',
        subjectId: id.toString(),
        data: { duplicate_of_id: originalId.toString(), previous: current.duplicateOfId?.toString() ?? null },
      },
    });
    return { requestId: id.toString(), duplicateOfId: originalId.toString(), changed: true };
  });
}

/** Removes a request's duplicate link, telling both requests' timelines and the audit log. */
export async function unlinkDuplicate(db: PrismaClient, input: UnlinkDuplicateInput): Promise<LinkResult> {
  const actor = parseActor(input.by);
  const id = requestKey('request_id', input.requestId);
  const now = input.now ?? new Date();
  return db.$transaction(async (tx) => {
    const request = await loadRequest(tx, 'request_id', id, input.jurisdictionId);
    const originalId = request.duplicateOfId;
    if (originalId === null) return { requestId: id.toString(), duplicateOfId: null, changed: false };
    await tx.serviceRequest.update({ where: { id }, data: { duplicateOfId: null, updatedAt: now } });
    await tx.timelineEvent.createMany({
      data: [
        {
          requestId: id,
          at: now,
          kind: 'duplicate_unlinked',
          public: true,
          summary: `No longer marked as a duplicate of request ${originalId}`,
          actor: input.by,
          data: { duplicate_of_id: originalId.toString() },
        },
        {
          requestId: originalId,
          at: now,
          kind: 'duplicate_removed',
          public: true,
          summary: `Request ${id} is no longer marked as a duplicate of this one`,
          actor: input.by,
          data: { duplicate_id: id.toString() },
        },
      ],
    });
    await tx.auditLog.create({
      data: {
        at: now,
        ...actor,
        action: 'request.duplicate_unlink',
        subjectType: 'service_request',
        subjectId: id.toString(),
        data: { duplicate_of_id: originalId.toString() },
      },
    });
    return { requestId: id.toString(), duplicateOfId: null, changed: true };
  });
}

async function loadRequest(tx: Prisma.TransactionClient, field: string, id: bigint, jurisdictionId?: string) {
  const request = await tx.serviceRequest.findUnique({
    where: { id },
    select: { id: true, jurisdictionId: true, duplicateOfId: true },
  });
  if (!request || (jurisdictionId !== undefined && request.jurisdictionId !== jurisdictionId))
    throw new DuplicateRefusedError(
      field,
      `There is no request ${id}${jurisdictionId ? ` in ${jurisdictionId}` : ''}; check the request number.`,
      'not_found',
    );
  return request;
}

function parseActor(by: DuplicateActor): { actorType: string; actorId: string | null } {
  const [type = '', ...rest] = by.split(':');
  if (!(ACTOR_TYPES as readonly string[]).includes(type))
    throw new DuplicateRefusedError(
      'by',
      `by must name who acts, e.g. 'staff:<uuid>', 'workflow:request-42' or 'system', not '${by}'.`,
    );
  return { actorType: type, actorId: rest.length > 0 ? rest.join(':') : null };
}
