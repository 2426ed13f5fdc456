/** Staff only: tasks completed per assignee, and pending / overdue tasks per department. */
import type { StaffDashboard } from '../../hooks/use-dashboard.js';
import type { DashboardQuery } from '../../hooks/use-dashboard-query.js';
import { useI18n } from '../../i18n/use-i18n.js';
import { ChartPanel } from './ChartPanel.js';
import { BarsChart, palette } from './charts.js';
import { csvHref, formatDuration, formatShare } from './format-stats.js';
import { StatsTable } from './StatsTable.js';

export function StaffSections({ data, query }: { data: StaffDashboard; query: DashboardQuery }) {
  const { t, language } = useI18n();
  const people = data.throughput.map((r) => ({
    ...r,
    label: `${r.staffName || t('dash.unassigned')} · ${r.departmentName}`,
  }));
  return (
    <>
      <ChartPanel
        id="dash-throughput"
        wide
        title={t('dash.throughput.title')}
        note={t('dash.throughput.note')}
        csv={csvHref('throughput', query)}
        chart={
          <BarsChart
            data={people.slice(0, 12)}
            category="label"
            horizontal
            series={[{ key: 'completed', label: t('dash.col.completed'), color: palette.closed }]}
          />
        }
        table={
          <StatsTable
            caption={t('dash.throughput.caption')}
            columns={[
              { label: t('dash.col.staff'), cell: (r) => r.staffName || t('dash.unassigned') },
              { label: t('dash.by.department'), cell: (r) => r.departmentName },
              { label: t('dash.col.completed'), cell: (r) => r.completed, numeric: true },
              {
                label: t('dash.col.medianWork'),
                cell: (r) => formatDuration(r.medianSecondsToComplete, t, language),
                numeric: true,
              },
              { label: t('dash.col.onTime'), cell: (r) => formatShare(r.onTime, language), numeric: true },
            ]}
            rows={people}
            rowKey={(r) => `${r.staffName}-${r.departmentCode}`}
            empty={t('dash.empty')}
          />
        }
      />
      <ChartPanel
        id="dash-overdue"
        title={t('dash.overdue.title')}
        csv={csvHref('overdue-tasks', query)}
        chart={
          <BarsChart
            data={data.overdueTasks}
            category="departmentName"
            horizontal
            series={[
              { key: 'overdue', label: t('dash.col.overdue'), color: '#b00020' },
              { key: 'dueSoon', label: t('dash.col.dueSoon'), color: palette.p90 },
              { key: 'pending', label: t('dash.col.pending'), color: palette.opened },
            ]}
          />
        }
        table={
          <StatsTable
            caption={t('dash.overdue.caption')}
            columns={[
              { label: t('dash.by.department'), cell: (r) => r.departmentName },
              { label: t('dash.col.pending'), cell: (r) => r.pending, numeric: true },
              { label: t('dash.col.overdue'), cell: (r) => r.overdue, numeric: true },
              { label: t('dash.col.dueSoon'), cell: (r) => r.dueSoon, numeric: true },
            ]}
            rows={data.overdueTasks}
            rowKey={(r) => r.departmentCode}
            empty={t('dash.empty')}
          />
        }
      />
    </>
  );
}
