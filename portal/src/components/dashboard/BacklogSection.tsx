/** Open requests by age (0–2, 3–7, 8–30, over 30 days), stacked per breakdown value. */
import type { PublicDashboard } from '../../hooks/use-dashboard.js';
import type { DashboardQuery } from '../../hooks/use-dashboard-query.js';
import { useI18n } from '../../i18n/use-i18n.js';
import { ChartPanel } from './ChartPanel.js';
import { BarsChart, palette } from './charts.js';
import { csvHref } from './format-stats.js';
import { dimensionKeys, valueName } from './labels.js';
import { StatsTable } from './StatsTable.js';

export function BacklogSection({
  backlog,
  query,
}: {
  backlog: PublicDashboard['backlog'];
  query: DashboardQuery;
}) {
  const { t } = useI18n();
  const all = { ...backlog.total, label: t('dash.all') };
  const rows = [
    ...backlog.rows.map((r) => ({ ...r, label: valueName(query.by, r, t('dash.notRecorded')) })),
    ...(query.by === 'none' || backlog.rows.length > 1 ? [all] : []),
  ];
  const buckets = [
    { key: 'days0to2', label: t('dash.age.0to2') },
    { key: 'days3to7', label: t('dash.age.3to7') },
    { key: 'days8to30', label: t('dash.age.8to30') },
    { key: 'over30', label: t('dash.age.over30') },
  ] as const;
  const byName = t(dimensionKeys[query.by]);
  return (
    <ChartPanel
      id="dash-backlog"
      wide
      title={t('dash.backlog.title')}
      note={t('dash.backlog.note')}
      csv={csvHref('backlog', query)}
      chart={
        <BarsChart
          data={rows.filter((r) => r !== all || query.by === 'none').slice(0, 12)}
          category="label"
          horizontal
          series={buckets.map((b, i) => ({
            key: b.key,
            label: b.label,
            color: palette.ages[i]!,
            stack: 'age',
          }))}
        />
      }
      table={
        <StatsTable
          caption={t('dash.backlog.caption')}
          columns={[
            { label: query.by === 'none' ? t('dash.col.scope') : byName, cell: (r) => r.label },
            ...buckets.map((b) => ({
              label: b.label,
              cell: (r: (typeof rows)[number]) => r[b.key],
              numeric: true,
            })),
            { label: t('dash.col.open'), cell: (r) => r.open, numeric: true },
          ]}
          rows={rows}
          rowKey={(r, i) => `${r.code}-${i}`}
          empty={t('dash.empty')}
        />
      }
    />
  );
}
