/** The public history of a request, oldest first. */
import { useI18n } from '../../i18n/use-i18n.js';

export interface TimelineEvent {
  at: string;
  kind: string;
  summary: string;
  description: string | null;
}

export function Timeline({ events }: { events: readonly TimelineEvent[] }) {
  const { t, formatDate } = useI18n();
  return (
    <section aria-labelledby="timeline-heading" className="card">
      <h2 id="timeline-heading">{t('track.timeline')}</h2>
      {events.length === 0 ? (
        <p>{t('track.timeline.empty')}</p>
      ) : (
        <ol className="timeline">
          {events.map((e, i) => (
            <li key={`${e.at}:${i}`}>
              <time dateTime={e.at}>{formatDate(e.at)}</time>
              <p className="event-summary">{e.summary}</p>
              {e.description && <p className="hint">{e.description}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
