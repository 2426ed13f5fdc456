/**
 * Internal notes: what staff write about a request for each other. Stored as timeline events with
 * `public = false` and kind `internal_note`; every public reader (Open311 GET and updates, the
 * tracking page, resident replies) selects public events only, so a note never reaches a resident.
 */
import type { PrismaClient } from '../db/generated/client.js';

export const INTERNAL_NOTE_KIND = 'internal_note';

export interface InternalNoteInput {
  requestId: bigint;
  /** The task the clerk was working on when writing it (kept for context). */
  taskId: string;
  staffId: string;
  text: string;
  now: Date;
}

/** Adds the note and its audit row in one transaction; answers the stored note. */
export async function addInternalNote(db: PrismaClient, input: InternalNoteInput) {
  return db.$transaction(async (tx) => {
    const event = await tx.timelineEvent.create({
      data: {
        requestId: input.requestId,
        at: input.now,
        kind: INTERNAL_NOTE_KIND,
        public: false,
        summary: 'Internal note',
        description: input.text,
        actor: `staff:${input.staffId}`,
        data: { task_id: input.taskId },
      },
    });
    await tx.auditLog.create({
      data: {
        at: input.now,
        actorType: 'staff',
        actorId: input.staffId,
        action: 'request.internal_note',
        subjectType: 'service_request',
        subjectId: input.requestId.toString(),
        data: { taskId: input.taskId, timelineEventId: event.id.toString() },
      },
    });
    return { id: event.id.toString(), at: event.at.toISOString(), text: input.text };
  });
}

/** A request's internal notes, oldest first, with their authors' names. */
export async function listInternalNotes(db: PrismaClient, requestId: bigint) {
  const events = await db.timelineEvent.findMany({
    where: { requestId, kind: INTERNAL_NOTE_KIND, public: false },
    orderBy: [{ at: 'asc' }, { id: 'asc' }],
  });
  const authorIds = [...new Set(events.map((e) => e.actor?.replace(/^staff:/, '') ?? ''))].filter((id) =>
    /^[0-9a-f-]{36}$/i.test(id),
  );
  const authors = await db.staffMember.findMany({
    where: { id: { in: authorIds } },
    select: { id: true, name: true },
  });
  const names = new Map(authors.map((a) => [a.id, a.name]));
  return events.map((e) => ({
    id: e.id.toString(),
    at: e.at.toISOString(),
    text: e.description ?? '',
    author: names.get(e.actor?.replace(/^staff:/, '') ?? '') ?? null,
  }));
}
