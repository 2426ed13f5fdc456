/** Median and 90th-percentile time to close per breakdown value (chart in hours). */
import type { PublicDashboard } from '../../hooks/use-dashboard.js';
import type { DashboardQuery } from '../../hooks/use-dashboard-query.js';
import { useI18n } from '../../i18n/use-i18n.js';
import { ChartPanel } from './ChartPanel.js';
import { BarsChart, palette } from './charts.js';
import { csvHref, formatDuration } from './format-stats.js';
import { dimensionKeys, valueName } from './labels.js';
import { StatsTable } from './StatsTable.js';

export function CloseTimesSection({
  times,
  query,
}: {
  times: PublicDashboard['closeTimes'];
  query: DashboardQuery;
}) {
  const { t, language } = useI18n();
  const all = { ...times.total, label: t('dash.all') };
  const rows = [
    ...times.rows.map((r) => ({ ...r, label: valueName(query.by, r, t('dash.notRecorded')) })),
    ...(query.by === 'none' || times.rows.length > 1 ? [all] : []),
  ];
  const hours = (s: number | null) => (s === null ? null : Math.round((s / 3600) * 10) / 10);
  const chartRows = rows
    .slice(0, 12)
    .map((r) => ({ label: r.label, median: hours(r.medianSeconds), p90: hours(r.p90Seconds) }));
  const byName = t(dimensionKeys[query.by]);
  return (
    <ChartPanel
      id="dash-close"
      title={t('dash.close.title')}
      note={t('dash.close.note')}
      csv={csvHref('close-times', query)}
      chart={
        <BarsChart
          data={chartRows}
          category="label"
          horizontal
          format={(v) => t('dash.unit.hours', { n: v })}
          series={[
            { key: 'median', label: t('dash.col.median'), color: palette.median },
            { key: 'p90', label: t('dash.col.p90'), color: palette.p90 },
          ]}
        />
      }
      table={
        <StatsTable
          caption={t('dash.close.caption')}
          columns={[
            { label: query.by === 'none' ? t('dash.col.scope') : byName, cell: (r) => r.label },
            { label: t('dash.col.closedCount'), cell: (r) => r.closed, numeric: true },
            {
              label: t('dash.col.median'),
              cell: (r) => formatDuration(r.medianSeconds, t, language),
              numeric: true,
            },
            {
              label: t('dash.col.p90'),
              cell: (r) => formatDuration(r.p90Seconds, t, language),
              numeric: true,
            },
          ]}
          rows={rows}
          rowKey={(r, i) => `${r.code}-${i}`}
          empty={t('dash.empty')}
        />
      }
    />
  );
}
