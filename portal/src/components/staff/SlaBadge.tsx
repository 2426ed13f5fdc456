/** Overdue / due soon / on track, from the task's due date; words, not colour alone. */
import { useI18n } from '../../i18n/use-i18n.js';
import { slaState } from '../../model/sla.js';

export function SlaBadge({ dueAt, now }: { dueAt: string | null; now: Date }) {
  const { t } = useI18n();
  const state = slaState(dueAt, now);
  if (state === 'none') return null;
  const label =
    state === 'overdue'
      ? t('staff.sla.overdue')
      : state === 'due-soon'
        ? t('staff.sla.dueSoon')
        : t('staff.sla.onTrack');
  return <span className={`badge sla-${state}`}>{label}</span>;
}
