/**
 * Every dashboard view as a table (columns and rows), for the CSV export: the same functions the
 * tRPC procedures call, so the file and the page show the same numbers. Durations are in seconds,
 * shares are 0..1 with four decimals.
 */
import type { PrismaClient } from '../db/generated/client.js';
import { backlogByAge } from './backlog.js';
import { closeTimes } from './close-times.js';
import type { CsvValue } from './csv.js';
import type { DashboardFilter, Dimension, Period } from './dashboard-filter.js';
import { headline } from './headline.js';
import { overdueTasks } from './overdue-tasks.js';
import { slaCompliance } from './sla.js';
import { staffThroughput } from './staff-throughput.js';
import { requestVolume } from './volume.js';

export interface ViewOptions {
  period: Period;
  by: Dimension;
  now: Date;
  /** Departments a signed-in staff member may see private rows of; null: all (admin). */
  departmentIds: string[] | null;
}

export interface ViewTable {
  columns: string[];
  rows: CsvValue[][];
}

interface ViewSpec {
  /** Private breakdowns: only for signed-in staff. */
  staffOnly: boolean;
  table(db: PrismaClient, f: DashboardFilter, o: ViewOptions): Promise<ViewTable>;
}

const share = (v: number | null) => (v === null ? null : Math.round(v * 10_000) / 10_000);
const dimensionColumns = (by: Dimension) => (by === 'none' ? [] : [`${by}_code`, `${by}_name`]);
const dimensionCells = (by: Dimension, r: { code: string; name: string }) =>
  by === 'none' ? [] : [r.code, r.name];

export const dashboardViews: Record<string, ViewSpec> = {
  headline: {
    staffOnly: false,
    async table(db, f) {
      const h = await headline(db, f);
      return {
        columns: [
          'opened',
          'closed',
          'open',
          'median_seconds_to_close',
          'p90_seconds_to_close',
          'sla_compliance',
        ],
        rows: [
          [h.opened, h.closed, h.open, h.medianSecondsToClose, h.p90SecondsToClose, share(h.slaCompliance)],
        ],
      };
    },
  },
  volume: {
    staffOnly: false,
    async table(db, f, o) {
      const rows = await requestVolume(db, f, o.period, o.by);
      return {
        columns: [o.period, ...dimensionColumns(o.by), 'opened', 'closed'],
        rows: rows.map((r) => [r.period, ...dimensionCells(o.by, r), r.opened, r.closed]),
      };
    },
  },
  'close-times': {
    staffOnly: false,
    async table(db, f, o) {
      const t = await closeTimes(db, f, o.by);
      const all = o.by === 'none' ? [t.total] : [...t.rows, { ...t.total, code: 'all', name: 'All' }];
      return {
        columns: [...dimensionColumns(o.by), 'closed', 'median_seconds', 'p90_seconds'],
        rows: all.map((r) => [...dimensionCells(o.by, r), r.closed, r.medianSeconds, r.p90Seconds]),
      };
    },
  },
  sla: {
    staffOnly: false,
    async table(db, f, o) {
      const s = await slaCompliance(db, f, o.by, o.now);
      const all = o.by === 'none' ? [s.total] : [...s.rows, { ...s.total, code: 'all', name: 'All' }];
      return {
        columns: [
          ...dimensionColumns(o.by),
          'requests_with_target',
          'requests_met',
          'request_compliance',
          'open_overdue',
          'tasks_with_due',
          'tasks_met',
          'task_compliance',
        ],
        rows: all.map((r) => [
          ...dimensionCells(o.by, r),
          r.requestsWithTarget,
          r.requestsMet,
          share(r.requestCompliance),
          r.openOverdue,
          r.tasksWithDue,
          r.tasksMet,
          share(r.taskCompliance),
        ]),
      };
    },
  },
  backlog: {
    staffOnly: false,
    async table(db, f, o) {
      const b = await backlogByAge(db, f, o.by, o.now);
      const all = o.by === 'none' ? [b.total] : [...b.rows, { ...b.total, code: 'all', name: 'All' }];
      return {
        columns: [...dimensionColumns(o.by), 'days_0_2', 'days_3_7', 'days_8_30', 'over_30_days', 'open'],
        rows: all.map((r) => [
          ...dimensionCells(o.by, r),
          r.days0to2,
          r.days3to7,
          r.days8to30,
          r.over30,
          r.open,
        ]),
      };
    },
  },
  throughput: {
    staffOnly: true,
    async table(db, f, o) {
      const rows = await staffThroughput(db, f, o.departmentIds);
      return {
        columns: [
          'staff_name',
          'department_code',
          'department_name',
          'completed',
          'median_seconds_to_complete',
          'on_time',
        ],
        rows: rows.map((r) => [
          r.staffName,
          r.departmentCode,
          r.departmentName,
          r.completed,
          r.medianSecondsToComplete,
          share(r.onTime),
        ]),
      };
    },
  },
  'overdue-tasks': {
    staffOnly: true,
    async table(db, f, o) {
      const rows = await overdueTasks(db, f, o.departmentIds, o.now);
      return {
        columns: ['department_code', 'department_name', 'pending', 'overdue', 'due_within_24h'],
        rows: rows.map((r) => [r.departmentCode, r.departmentName, r.pending, r.overdue, r.dueSoon]),
      };
    },
  },
};

export const dashboardViewNames = Object.keys(dashboardViews);
