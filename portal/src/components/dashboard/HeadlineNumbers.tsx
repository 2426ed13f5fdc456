/** The six headline figures: opened, closed, open now, median and p90 time to close, SLA compliance. */
import type { PublicDashboard } from '../../hooks/use-dashboard.js';
import { useI18n } from '../../i18n/use-i18n.js';
import { formatDuration, formatShare } from './format-stats.js';

export function HeadlineNumbers({ headline }: { headline: PublicDashboard['headline'] }) {
  const { t, language } = useI18n();
  const n = (v: number) => new Intl.NumberFormat(language).format(v);
  const figures = [
    ['opened', t('dash.head.opened'), n(headline.opened)],
    ['closed', t('dash.head.closed'), n(headline.closed)],
    ['open', t('dash.head.open'), n(headline.open)],
    ['median', t('dash.head.median'), formatDuration(headline.medianSecondsToClose, t, language)],
    ['p90', t('dash.head.p90'), formatDuration(headline.p90SecondsToClose, t, language)],
    ['sla', t('dash.head.sla'), formatShare(headline.slaCompliance, language)],
  ] as const;
  return (
    <section aria-labelledby="dash-headline-heading">
      <h2 id="dash-headline-heading" className="visually-hidden">
        {t('dash.head.heading')}
      </h2>
      <dl className="headline-numbers">
        {figures.map(([key, label, value]) => (
          <div key={key} className="headline-figure" data-testid={`headline-${key}`}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
