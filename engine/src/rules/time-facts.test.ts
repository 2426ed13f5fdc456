import { describe, expect, it } from 'vitest';
import { evaluateDecision } from '../temporal/activities.js';
import { timeFacts } from './time-facts.js';

const springfield = {
  timezone: 'America/Chicago',
  working_days: ['mon', 'tue', 'wed', 'thu', 'fri'] as const,
  hours: { start: '08:00', end: '17:00' },
  holidays: ['2026-12-25'],
};
const ms = (iso: string) => Date.parse(iso);

describe('timeFacts', () => {
  it('reads the hour and weekday in the calendar time zone, not UTC', () => {
    // Tuesday 2026-12-01 03:30 UTC is still Monday 21:30 in Chicago and already Tuesday 12:30 in Tokyo.
    const at = ms('2026-12-01T03:30:00Z');
    expect(timeFacts(at, { ...springfield, working_days: [...springfield.working_days] })).toEqual({
      'time.hour': 21,
      'time.weekday': 'mon',
      'time.date': '2026-11-30',
      'time.is_holiday': false,
      'time.is_business_hours': false,
    });
    expect(timeFacts(at, { timezone: 'Asia/Tokyo' })).toMatchObject({
      'time.hour': 12,
      'time.weekday': 'tue',
      'time.is_business_hours': true,
    });
    expect(timeFacts(at, { timezone: 'UTC' })).toMatchObject({ 'time.hour': 3, 'time.weekday': 'tue' });
  });

  it('opening hours include the start and exclude the end, in local time across DST', () => {
    const calendar = { ...springfield, working_days: [...springfield.working_days] };
    // Summer (CDT, UTC-5) and winter (CST, UTC-6): 08:00 local is open, 07:59 and 17:00 are not.
    expect(timeFacts(ms('2026-07-15T13:00:00Z'), calendar)['time.is_business_hours']).toBe(true);
    expect(timeFacts(ms('2026-07-15T12:59:00Z'), calendar)['time.is_business_hours']).toBe(false);
    expect(timeFacts(ms('2026-12-02T14:00:00Z'), calendar)['time.is_business_hours']).toBe(true);
    expect(timeFacts(ms('2026-12-02T13:59:00Z'), calendar)['time.is_business_hours']).toBe(false);
    expect(timeFacts(ms('2026-12-02T23:00:00Z'), calendar)['time.is_business_hours']).toBe(false);
    expect(timeFacts(ms('2026-12-05T16:00:00Z'), calendar)).toMatchObject({
      'time.weekday': 'sat',
      'time.is_business_hours': false,
    });
  });

  it('a holiday in the local calendar is closed all day, even where UTC is already the next day', () => {
    const calendar = { ...springfield, working_days: [...springfield.working_days] };
    expect(timeFacts(ms('2026-12-25T16:00:00Z'), calendar)).toMatchObject({
      'time.weekday': 'fri',
      'time.is_holiday': true,
      'time.is_business_hours': false,
    });
    // 2026-12-26 02:00 UTC is 20:00 on the 25th in Chicago: still the holiday.
    expect(timeFacts(ms('2026-12-26T02:00:00Z'), calendar)['time.is_holiday']).toBe(true);
    // 2026-12-25 03:00 UTC is the 24th in Chicago: not yet.
    expect(timeFacts(ms('2026-12-25T03:00:00Z'), calendar)['time.is_holiday']).toBe(false);
    expect(timeFacts(ms('2026-12-28T16:00:00Z'), calendar)).toMatchObject({
      'time.is_holiday': false,
      'time.is_business_hours': true,
    });
  });
});

describe('evaluateDecision with the moment of the decision', () => {
  const rules = [
    {
      name: 'after hours',
      when: { all: [{ fact: 'time.is_business_hours', operator: 'equal', value: false }] },
      next: 'on_call',
    },
  ];
  const base = { node: 'route', rules, default: 'queue', facts: { service_code: 'pothole' }, variables: {} };

  it('routes on time facts computed from the passed instant and calendar', async () => {
    const calendar = { ...springfield, working_days: [...springfield.working_days] };
    const night = await evaluateDecision({ ...base, at: ms('2026-12-02T04:00:00Z'), calendar });
    expect(night.next).toBe('on_call');
    const day = await evaluateDecision({ ...base, at: ms('2026-12-02T16:00:00Z'), calendar });
    expect(day.next).toBe('queue');
  });

  it('without an instant (inputs recorded before time facts) no time fact exists, as before', async () => {
    const result = await evaluateDecision(base);
    expect(result.next).toBe('queue');
  });
});
