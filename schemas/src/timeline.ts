/**
 * A request's timeline: everything that happened to it, in order. Public events are the resident's
 * view and Open311's `notes[]` extension; the rest is for staff.
 * @see ../../../shared/OPEN311.md "Extensions used by real deployments" (extensions=true)
 */
import { z } from 'zod';
import { isoDateTime } from './datetime.js';

export const timelineEventKind = z.enum([
  'opened',
  'status',
  'note',
  'task_created',
  'task_claimed',
  'task_completed',
  'escalated',
  'task_transferred',
  'decision',
  'duplicate',
  'closed',
  'reopened',
]);
export type TimelineEventKind = z.infer<typeof timelineEventKind>;

/** Who caused an event; `name` is what the public timeline may show (e.g. "Streets department"). */
export const timelineActor = z.object({
  type: z.enum(['resident', 'staff', 'system']),
  id: z.string().optional(),
  name: z.string().optional(),
});
export type TimelineActor = z.infer<typeof timelineActor>;

export const timelineEvent = z.object({
  at: isoDateTime,
  kind: timelineEventKind,
  public: z.boolean(),
  summary: z.string().min(1),
  description: z.string().optional(),
  actor: timelineActor.optional(),
});
export type TimelineEvent = z.infer<typeof timelineEvent>;

/** One entry of Open311's `notes[]` extension. */
export type Open311Note = {
  datetime: string;
  type: 'opened' | 'activity' | 'closed';
  summary: string;
  description?: string;
};

/** The Open311 note for a public event; undefined for staff-only events, which must not leak. */
export function toOpen311Note(event: TimelineEvent): Open311Note | undefined {
  if (!event.public) return undefined;
  const type = event.kind === 'opened' || event.kind === 'closed' ? event.kind : 'activity';
  const note: Open311Note = { datetime: event.at, type, summary: event.summary };
  if (event.description !== undefined) note.description = event.description;
  return note;
}
