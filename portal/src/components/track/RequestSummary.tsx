/** The facts of a request a resident looks for first: status, service, dates, place. */
import { useI18n } from '../../i18n/use-i18n.js';
import { humanise } from '../../model/humanise.js';

export interface TrackedRequest {
  status: string;
  service_name: string;
  description: string | null;
  agency_responsible: string;
  requested_datetime: string | null;
  expected_datetime: string | null;
  address: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
  resolution: string | null;
}

export function RequestSummary({ request }: { request: TrackedRequest }) {
  const { t, formatDate } = useI18n();
  const closed = request.status === 'closed';
  const place =
    request.address ??
    (request.lat !== null && request.long !== null ? `${request.lat}, ${request.long}` : '—');
  return (
    <section aria-labelledby="summary-heading" className="card">
      <h2 id="summary-heading" className="visually-hidden">
        {t('track.status')}
      </h2>
      <dl className="facts">
        <dt>{t('track.status')}</dt>
        <dd>
          <span className={closed ? 'status closed' : 'status open'} data-testid="request-status">
            {closed ? t('track.status.closed') : t('track.status.open')}
          </span>
        </dd>
        <dt>{t('track.service')}</dt>
        <dd>{request.service_name}</dd>
        <dt>{t('track.requested')}</dt>
        <dd>{request.requested_datetime ? formatDate(request.requested_datetime) : '—'}</dd>
        <dt>{t('track.expected')}</dt>
        <dd>
          {request.expected_datetime ? formatDate(request.expected_datetime) : t('track.expected.none')}
        </dd>
        <dt>{t('track.agency')}</dt>
        <dd>{request.agency_responsible}</dd>
        <dt>{t('track.address')}</dt>
        <dd>{place}</dd>
        {request.description && (
          <>
            <dt>{t('track.description')}</dt>
            <dd>{request.description}</dd>
          </>
        )}
        {request.resolution && (
          <>
            <dt>{t('track.resolution')}</dt>
            <dd>{humanise(request.resolution)}</dd>
          </>
        )}
      </dl>
      {request.media_url && (
        <figure className="photo-figure">
          <img src={request.media_url} alt={t('track.photo')} />
        </figure>
      )}
    </section>
  );
}
