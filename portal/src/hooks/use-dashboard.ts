/**
 * The dashboard's numbers for a set of filters: the public views always, the staff views (names of
 * staff, overdue tasks) when `staff` is true. The views load in parallel, one request each.
 */
import { api } from '../api/client.js';
import { useAsync } from './use-async.js';
import type { DashboardQuery } from './use-dashboard-query.js';

/** Only the filters the API knows; empty ones left out. */
export function filterParams(q: DashboardQuery) {
  const picked = {
    from: q.from,
    to: q.to,
    service: q.service,
    department: q.department,
    district: q.district,
    channel: q.channel,
  };
  return Object.fromEntries(Object.entries(picked).filter(([, v]) => v !== '')) as Partial<typeof picked>;
}

async function loadPublic(q: DashboardQuery) {
  const filters = filterParams(q);
  const [headline, volume, closeTimes, sla, backlog] = await Promise.all([
    api.stats.headline.query(filters),
    api.stats.volume.query({ ...filters, period: q.period, by: q.by }),
    api.stats.closeTimes.query({ ...filters, by: q.by }),
    api.stats.sla.query({ ...filters, by: q.by }),
    api.stats.backlog.query({ ...filters, by: q.by }),
  ]);
  return { headline, volume, closeTimes, sla, backlog };
}

async function loadStaff(q: DashboardQuery) {
  const filters = filterParams(q);
  const [throughput, overdueTasks] = await Promise.all([
    api.stats.throughput.query(filters),
    api.stats.overdueTasks.query(filters),
  ]);
  return { throughput, overdueTasks };
}

/** The public views for the filters. */
export function useDashboard(q: DashboardQuery) {
  return useAsync(() => loadPublic(q), JSON.stringify(q));
}

/** The staff-only views for the filters; nothing is loaded until `signedIn`. */
export function useStaffDashboard(q: DashboardQuery, signedIn: boolean) {
  return useAsync(signedIn ? () => loadStaff(q) : null, `${signedIn}:${JSON.stringify(q)}`);
}

/** The services, departments, districts and channels to filter by. */
export function useDashboardOptions() {
  return useAsync(() => api.stats.options.query({}), 'options');
}

export type PublicDashboard = Awaited<ReturnType<typeof loadPublic>>;
export type StaffDashboard = Awaited<ReturnType<typeof loadStaff>>;
export type DashboardOptions = Awaited<ReturnType<typeof api.stats.options.query>>;
