/** SLA compliance per breakdown value: requests closed by their expected date, tasks done by their due date. */
import type { PublicDashboard } from '../../hooks/use-dashboard.js';
import type { DashboardQuery } from '../../hooks/use-dashboard-query.js';
import { useI18n } from '../../i18n/use-i18n.js';
import { ChartPanel } from './ChartPanel.js';
import { BarsChart, palette } from './charts.js';
import { csvHref, formatShare } from './format-stats.js';
import { dimensionKeys, valueName } from './labels.js';
import { StatsTable } from './StatsTable.js';

export function SlaSection({ sla, query }: { sla: PublicDashboard['sla']; query: DashboardQuery }) {
  const { t, language } = useI18n();
  const all = { ...sla.total, label: t('dash.all') };
  const rows = [
    ...sla.rows.map((r) => ({ ...r, label: valueName(query.by, r, t('dash.notRecorded')) })),
    ...(query.by === 'none' || sla.rows.length > 1 ? [all] : []),
  ];
  const pct = (v: number | null) => (v === null ? null : Math.round(v * 100));
  const chartRows = rows
    .filter((r) => r.requestsWithTarget + r.tasksWithDue > 0)
    .slice(0, 12)
    .map((r) => ({ label: r.label, requests: pct(r.requestCompliance), tasks: pct(r.taskCompliance) }));
  const byName = t(dimensionKeys[query.by]);
  return (
    <ChartPanel
      id="dash-sla"
      wide
      title={t('dash.sla.title')}
      note={t('dash.sla.note')}
      csv={csvHref('sla', query)}
      chart={
        <BarsChart
          data={chartRows}
          category="label"
          horizontal
          format={(v) => `${v}%`}
          series={[
            { key: 'requests', label: t('dash.col.requestSla'), color: palette.share },
            { key: 'tasks', label: t('dash.col.taskSla'), color: palette.p90 },
          ]}
        />
      }
      table={
        <StatsTable
          caption={t('dash.sla.caption')}
          columns={[
            { label: query.by === 'none' ? t('dash.col.scope') : byName, cell: (r) => r.label },
            {
              label: t('dash.col.requestSla'),
              cell: (r) =>
                `${formatShare(r.requestCompliance, language)} (${r.requestsMet}/${r.requestsWithTarget})`,
              numeric: true,
            },
            { label: t('dash.col.openOverdue'), cell: (r) => r.openOverdue, numeric: true },
            {
              label: t('dash.col.taskSla'),
              cell: (r) => `${formatShare(r.taskCompliance, language)} (${r.tasksMet}/${r.tasksWithDue})`,
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
