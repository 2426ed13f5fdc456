/** `/track/:id?token=…`: a request's status, expected date, public history and, for its author, contact details. */
import { RequestSummary } from '../components/track/RequestSummary.js';
import { Timeline } from '../components/track/Timeline.js';
import { PrivateDetails } from '../components/track/PrivateDetails.js';
import { errorCode } from '../api/errors.js';
import { useFocusOnMount } from '../hooks/use-focus-on-mount.js';
import { useTracking } from '../hooks/use-tracking.js';
import { useJustFiled } from '../hooks/use-just-filed.js';
import { useI18n } from '../i18n/use-i18n.js';

export function TrackPage({ id, token }: { id: string; token: string | null }) {
  const { t } = useI18n();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const tracking = useTracking(id, token);
  const justFiled = useJustFiled();
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {t('track.heading', { id })}
      </h1>
      {justFiled && (
        <p className="notice ok" role="status">
          {t('track.saved')}
        </p>
      )}
      {tracking.loading && !tracking.data && <p>{t('common.loading')}</p>}
      {tracking.error !== undefined && (
        <p role="alert" className="notice warn">
          {errorCode(tracking.error) === 'NOT_FOUND' ? t('track.notFound', { id }) : t('common.offline')}
        </p>
      )}
      {tracking.data && (
        <>
          <RequestSummary request={tracking.data.request} />
          <Timeline events={tracking.data.timeline} />
          {tracking.data.private && <PrivateDetails details={tracking.data.private} />}
          <p>
            <button type="button" className="secondary" onClick={tracking.reload}>
              {t('track.refresh')}
            </button>
          </p>
        </>
      )}
    </>
  );
}
