/** Previous / next page of the queue, with the page number read out. */
import { useI18n } from '../../i18n/use-i18n.js';

interface Props {
  page: number;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious(): void;
  onNext(): void;
}

export function QueuePager({ page, hasPrevious, hasNext, onPrevious, onNext }: Props) {
  const { t } = useI18n();
  if (!hasPrevious && !hasNext) return null;
  return (
    <nav className="queue-pager" aria-label={t('staff.queue.paging')}>
      <button type="button" className="secondary" disabled={!hasPrevious} onClick={onPrevious}>
        {t('staff.queue.previous')}
      </button>
      <span aria-live="polite">{t('staff.queue.page', { number: page })}</span>
      <button type="button" className="secondary" disabled={!hasNext} onClick={onNext}>
        {t('staff.queue.next')}
      </button>
    </nav>
  );
}
