/** Opened and closed over time (per day, week or month) and per breakdown value. */
import type { PublicDashboard } from '../../hooks/use-dashboard.js';
import type { DashboardQuery } from '../../hooks/use-dashboard-query.js';
import { useI18n } from '../../i18n/use-i18n.js';
import { ChartPanel } from './ChartPanel.js';
import { BarsChart, palette } from './charts.js';
import { csvHref, totalsByCode, totalsByPeriod } from './format-stats.js';
import { dimensionKeys, periodKeys, valueName } from './labels.js';
import { StatsTable } from './StatsTable.js';

export function VolumeSection({
  volume,
  query,
}: {
  volume: PublicDashboard['volume'];
  query: DashboardQuery;
}) {
  const { t } = useI18n();
  const over = totalsByPeriod(volume);
  const per = totalsByCode(volume).map((r) => ({
    ...r,
    label: valueName(query.by, r, t('dash.notRecorded')),
  }));
  const series = [
    { key: 'opened', label: t('dash.col.opened'), color: palette.opened },
    { key: 'closed', label: t('dash.col.closed'), color: palette.closed },
  ];
  const byName = t(dimensionKeys[query.by]);
  return (
    <>
      <ChartPanel
        id="dash-volume"
        title={t('dash.volume.title', { period: t(periodKeys[query.period]).toLowerCase() })}
        note={t('dash.volume.note')}
        csv={csvHref('volume', { ...query, by: 'none' })}
        chart={<BarsChart data={over} category="period" series={series} />}
        table={
          <StatsTable
            caption={t('dash.volume.caption')}
            columns={[
              { label: t(periodKeys[query.period]), cell: (r) => r.period },
              { label: t('dash.col.opened'), cell: (r) => r.opened, numeric: true },
              { label: t('dash.col.closed'), cell: (r) => r.closed, numeric: true },
            ]}
            rows={over}
            rowKey={(r) => r.period}
            empty={t('dash.empty')}
          />
        }
      />
      {query.by !== 'none' && (
        <ChartPanel
          id="dash-breakdown"
          title={t('dash.breakdown.title', { by: byName.toLowerCase() })}
          csv={csvHref('volume', query)}
          chart={<BarsChart data={per.slice(0, 12)} category="label" series={series} horizontal />}
          table={
            <StatsTable
              caption={t('dash.breakdown.caption', { by: byName.toLowerCase() })}
              columns={[
                { label: byName, cell: (r) => r.label },
                { label: t('dash.col.opened'), cell: (r) => r.opened, numeric: true },
                { label: t('dash.col.closed'), cell: (r) => r.closed, numeric: true },
              ]}
              rows={per}
              rowKey={(r) => r.code}
              empty={t('dash.empty')}
            />
          }
        />
      )}
    </>
  );
}
