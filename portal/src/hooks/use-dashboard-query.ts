/** The dashboard's filters as page state, starting with the last 30 days by day, broken down by service. */
import { useState } from 'react';

export type Period = 'day' | 'week' | 'month';
export type Dimension = 'none' | 'service' | 'department' | 'district' | 'channel';

export interface DashboardQuery {
  /** Local days `YYYY-MM-DD`, both included; '' for open-ended. */
  from: string;
  to: string;
  period: Period;
  by: Dimension;
  service: string;
  department: string;
  district: string;
  channel: string;
}

/** A day in the reader's calendar as `YYYY-MM-DD`. */
export function localDay(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The starting filters: the 30 days up to today. */
export function defaultQuery(today = new Date()): DashboardQuery {
  const start = new Date(today);
  start.setDate(start.getDate() - 29);
  return {
    from: localDay(start),
    to: localDay(today),
    period: 'day',
    by: 'service',
    service: '',
    department: '',
    district: '',
    channel: '',
  };
}

/** The filters and a setter that changes one of them. */
export function useDashboardQuery() {
  const [query, setQuery] = useState<DashboardQuery>(() => defaultQuery());
  const update = <K extends keyof DashboardQuery>(key: K, value: DashboardQuery[K]) =>
    setQuery((q) => ({ ...q, [key]: value }));
  return { query, update };
}
