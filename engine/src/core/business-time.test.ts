import { describe, expect, it } from 'vitest';
import { addBusinessTime, isoFromMs } from './business-time.js';
import { instantMs } from './instant.js';

const chicago = {
  timezone: 'America/Chicago',
  working_days: ['mon', 'tue', 'wed', 'thu', 'fri'] as ('mon' | 'tue' | 'wed' | 'thu' | 'fri')[],
  hours: { start: '08:00', end: '17:00' },
  holidays: ['2026-12-25'],
};
const add = (start: string, amount: Parameters<typeof addBusinessTime>[1], calendar = chicago) =>
  isoFromMs(addBusinessTime(instantMs(start)!, amount, calendar));

describe('addBusinessTime', () => {
  it('counts business days over a weekend, keeping the local time of day', () => {
    // Thursday 10:00 in Chicago (16:00Z) + 3 business days = Tuesday 10:00.
    expect(add('2026-12-03T16:00:00Z', { business_days: 3 })).toBe('2026-12-08T16:00:00.000Z');
  });
  it('skips holidays and starts counting at the next opening when closed', () => {
    // Thursday 24 Dec 18:00 local (after hours): counting starts Monday 28 Dec 08:00 (25th is a holiday).
    expect(add('2026-12-25T00:00:00Z', { business_days: 1 })).toBe('2026-12-29T14:00:00.000Z');
    // Saturday: the next opening is Monday 08:00; 0 days is that opening.
    expect(add('2026-12-05T15:00:00Z', { business_days: 0 })).toBe('2026-12-07T14:00:00.000Z');
  });
  it('counts business hours across closing time and a weekend', () => {
    // Friday 15:00 local + 8 business hours = 2 h Friday + 6 h Monday = Monday 14:00 local.
    expect(add('2026-12-04T21:00:00Z', { business_hours: 8 })).toBe('2026-12-07T20:00:00.000Z');
    expect(add('2026-12-04T14:30:00Z', { business_hours: 1.5 })).toBe('2026-12-04T16:00:00.000Z');
  });
  it('follows daylight saving time in the zone', () => {
    // Friday 6 March 2026 09:00 CST (15:00Z) + 2 business days = Tuesday 10 March 09:00 CDT (14:00Z).
    expect(add('2026-03-06T15:00:00Z', { business_days: 2 })).toBe('2026-03-10T14:00:00.000Z');
  });
  it('uses Mon–Fri 09:00–17:00 when the calendar gives only the zone', () => {
    expect(add('2026-12-04T12:00:00Z', { business_days: 1 }, { timezone: 'UTC' } as never)).toBe(
      '2026-12-07T12:00:00.000Z',
    );
  });
});
