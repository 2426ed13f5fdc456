/** The SLA badge of a task: overdue, due soon (within a day), on track, or none without a due date. */
export type SlaState = 'overdue' | 'due-soon' | 'on-track' | 'none';

const DUE_SOON_MS = 24 * 60 * 60 * 1000;

export function slaState(dueAt: string | null, now: Date): SlaState {
  if (!dueAt) return 'none';
  const left = new Date(dueAt).getTime() - now.getTime();
  if (left < 0) return 'overdue';
  return left <= DUE_SOON_MS ? 'due-soon' : 'on-track';
}
