import { describe, expect, it } from 'vitest';
import { businessCalendar, businessCalendarOf, jurisdiction } from '@civicdesk/schemas';

describe('the jurisdiction business calendar', () => {
  it('fills working days and hours by default, and names what is wrong', () => {
    expect(businessCalendar.parse({ timezone: 'America/Chicago' })).toEqual({
      timezone: 'America/Chicago',
      working_days: ['mon', 'tue', 'wed', 'thu', 'fri'],
      hours: { start: '09:00', end: '17:00' },
      holidays: [],
    });
    const bad = businessCalendar.safeParse({
      timezone: 'Springfield',
      hours: { start: '18:00', end: '08:00' },
      holidays: ['25/12/2026'],
    });
    expect(bad.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['timezone', '"Springfield" is not an IANA time zone; use a name such as America/Chicago'],
      ['hours', 'Opening hours must end after they start, e.g. 08:00 to 17:00'],
      ['holidays.0', 'Write a holiday as an ISO date, e.g. 2026-12-25'],
    ]);
  });

  it('is the jurisdiction calendar when set, else office hours in its time zone', () => {
    const place = jurisdiction.parse({
      id: 'springfield.gov',
      name: 'Springfield',
      timezone: 'America/Chicago',
    });
    expect(businessCalendarOf(place)).toMatchObject({
      timezone: 'America/Chicago',
      hours: { start: '09:00' },
    });
    const withCalendar = jurisdiction.parse({
      ...place,
      calendar: { timezone: 'America/Chicago', holidays: ['2026-12-25'] },
    });
    expect(businessCalendarOf(withCalendar).holidays).toEqual(['2026-12-25']);
  });
});
