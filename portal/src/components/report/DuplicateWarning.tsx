/** Likely duplicates of the report being written, each with "follow this one instead". */
import { useI18n } from '../../i18n/use-i18n.js';
import { FollowForm } from './FollowForm.js';

export interface DuplicateCandidate {
  service_request_id: string;
  distance_m: number;
  description: string | null;
  requested_datetime: string;
}

export function DuplicateWarning({ candidates }: { candidates: readonly DuplicateCandidate[] }) {
  const { t, formatDate } = useI18n();
  if (candidates.length === 0) return null;
  return (
    <section className="duplicates" aria-labelledby="dup-heading" role="region">
      <h2 id="dup-heading">{t('dup.heading')}</h2>
      <p>{t('dup.intro')}</p>
      <ul>
        {candidates.map((c) => (
          <li key={c.service_request_id}>
            <p className="dup-title">
              {t('dup.item', {
                id: c.service_request_id,
                description: c.description ?? t('dup.noDescription'),
              })}
            </p>
            <p className="hint">
              {t('dup.meta', {
                distance: Math.round(c.distance_m),
                date: formatDate(c.requested_datetime),
              })}
            </p>
            <FollowForm requestId={c.service_request_id} />
          </li>
        ))}
      </ul>
    </section>
  );
}
