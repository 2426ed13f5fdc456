import { describe, expect, it } from 'vitest';
import en from '../../i18n/en.json';
import { format, type MessageKey } from '../../i18n/messages.js';
import { defaultQuery } from '../../hooks/use-dashboard-query.js';
import { csvHref, formatDuration, formatShare, totalsByCode, totalsByPeriod } from './format-stats.js';

const t = (key: MessageKey, vars?: Record<string, string | number>) => format(en[key], vars);

describe('dashboard formatting', () => {
  it('writes durations in minutes, hours or days', () => {
    expect(formatDuration(null, t, 'en')).toBe('—');
    expect(formatDuration(90, t, 'en')).toBe('1.5 min');
    expect(formatDuration(3 * 3600, t, 'en')).toBe('3 h');
    expect(formatDuration(47.9 * 3600, t, 'en')).toBe('47.9 h');
    expect(formatDuration(3.25 * 86_400, t, 'en')).toBe('3.3 days');
  });

  it('writes shares as whole percentages', () => {
    expect(formatShare(null, 'en')).toBe('—');
    expect(formatShare(0.687, 'en')).toBe('69%');
  });

  it('links the CSV export with the filters that are set', () => {
    const q = { ...defaultQuery(new Date(2026, 2, 31)), service: 'pothole' };
    expect(csvHref('sla', q)).toBe(
      '/stats/export.csv?view=sla&period=day&by=service&from=2026-03-02&to=2026-03-31&service=pothole',
    );
  });

  it('sums volume rows per period and per value', () => {
    const rows = [
      { period: '2026-03-02', code: 'a', name: 'A', opened: 2, closed: 1 },
      { period: '2026-03-02', code: 'b', name: 'B', opened: 5, closed: 0 },
      { period: '2026-03-01', code: 'a', name: 'A', opened: 1, closed: 1 },
    ];
    expect(totalsByPeriod(rows)).toEqual([
      { period: '2026-03-01', opened: 1, closed: 1 },
      { period: '2026-03-02', opened: 7, closed: 1 },
    ]);
    expect(totalsByCode(rows)).toEqual([
      { code: 'b', name: 'B', opened: 5, closed: 0 },
      { code: 'a', name: 'A', opened: 3, closed: 2 },
    ]);
  });
});
