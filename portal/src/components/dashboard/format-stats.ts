/** Pure helpers for the dashboard: durations and shares for people, CSV links, and volume totals. */
import type { DashboardQuery } from '../../hooks/use-dashboard-query.js';
import type { MessageKey } from '../../i18n/messages.js';

type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** Seconds as minutes, hours or days, whichever reads best; a dash when there is nothing to show. */
export function formatDuration(seconds: number | null, t: Translate, language: string): string {
  if (seconds === null) return '—';
  const n = (v: number) => new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(v);
  if (seconds < 3600) return t('dash.unit.minutes', { n: n(seconds / 60) });
  if (seconds < 48 * 3600) return t('dash.unit.hours', { n: n(seconds / 3600) });
  return t('dash.unit.days', { n: n(seconds / 86_400) });
}

/** A 0..1 share as a whole percentage; a dash when nothing counted. */
export function formatShare(share: number | null, language: string): string {
  if (share === null) return '—';
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** The CSV export of one view with the page's filters (same numbers as the table). */
export function csvHref(view: string, q: DashboardQuery): string {
  const params = new URLSearchParams({ view, period: q.period, by: q.by });
  for (const key of ['from', 'to', 'service', 'department', 'district', 'channel'] as const)
    if (q[key]) params.set(key, q[key]);
  return `/stats/export.csv?${params.toString()}`;
}

export interface VolumeLike {
  period: string;
  code: string;
  name: string;
  opened: number;
  closed: number;
}

/** Opened and closed per period, summed over the breakdown. */
export function totalsByPeriod(rows: VolumeLike[]): { period: string; opened: number; closed: number }[] {
  const out = new Map<string, { period: string; opened: number; closed: number }>();
  for (const r of rows) {
    const t = out.get(r.period) ?? { period: r.period, opened: 0, closed: 0 };
    t.opened += r.opened;
    t.closed += r.closed;
    out.set(r.period, t);
  }
  return [...out.values()].sort((a, b) => a.period.localeCompare(b.period));
}

/** Opened and closed per breakdown value over the whole range, busiest first. */
export function totalsByCode(
  rows: VolumeLike[],
): { code: string; name: string; opened: number; closed: number }[] {
  const out = new Map<string, { code: string; name: string; opened: number; closed: number }>();
  for (const r of rows) {
    const t = out.get(r.code) ?? { code: r.code, name: r.name, opened: 0, closed: 0 };
    t.opened += r.opened;
    t.closed += r.closed;
    out.set(r.code, t);
  }
  return [...out.values()].sort((a, b) => b.opened - a.opened || a.name.localeCompare(b.name));
}
