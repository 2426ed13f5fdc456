/** The filters and every public view; the staff dashboard adds its private sections after these. */
import type { ReactNode } from 'react';
import { useDashboard, useDashboardOptions } from '../../hooks/use-dashboard.js';
import type { useDashboardQuery } from '../../hooks/use-dashboard-query.js';
import { useI18n } from '../../i18n/use-i18n.js';
import { BacklogSection } from './BacklogSection.js';
import { CloseTimesSection } from './CloseTimesSection.js';
import { DashboardFilters } from './DashboardFilters.js';
import { HeadlineNumbers } from './HeadlineNumbers.js';
import { SlaSection } from './SlaSection.js';
import { VolumeSection } from './VolumeSection.js';
import './dashboard.css';

export function PublicNumbers({
  filters,
  children,
}: {
  filters: ReturnType<typeof useDashboardQuery>;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const { query, update } = filters;
  const options = useDashboardOptions();
  const data = useDashboard(query);
  return (
    <>
      <DashboardFilters query={query} options={options.data} onChange={update} />
      <div aria-live="polite" className="live">
        {data.loading && <p>{t('common.loading')}</p>}
        {data.error !== undefined && !data.loading && <p className="notice warn">{t('dash.failed')}</p>}
      </div>
      {data.data && (
        <div className={data.loading ? 'dash-body stale' : 'dash-body'}>
          <HeadlineNumbers headline={data.data.headline} />
          <VolumeSection volume={data.data.volume} query={query} />
          <CloseTimesSection times={data.data.closeTimes} query={query} />
          <SlaSection sla={data.data.sla} query={query} />
          <BacklogSection backlog={data.data.backlog} query={query} />
          {children}
        </div>
      )}
    </>
  );
}
