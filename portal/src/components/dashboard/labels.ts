/** Words for the dashboard's codes: breakdown names, periods, and values with no name of their own. */
import type { Dimension, Period } from '../../hooks/use-dashboard-query.js';
import type { MessageKey } from '../../i18n/messages.js';
import { humanise } from '../../model/humanise.js';

export const dimensionKeys: Record<Dimension, MessageKey> = {
  none: 'dash.by.none',
  service: 'dash.by.service',
  department: 'dash.by.department',
  district: 'dash.by.district',
  channel: 'dash.by.channel',
};

export const periodKeys: Record<Period, MessageKey> = {
  day: 'dash.period.day',
  week: 'dash.period.week',
  month: 'dash.period.month',
};

/** The name shown for a breakdown value: its own name, a readable channel, or "Not recorded". */
export function valueName(by: Dimension, row: { code: string; name: string }, notRecorded: string): string {
  if (!row.code) return notRecorded;
  return by === 'channel' ? humanise(row.name) : row.name;
}
