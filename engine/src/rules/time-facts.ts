/**
 * Time facts for decision rules (`time.hour`, `time.weekday`, `time.is_business_hours`,
 * `time.is_holiday`), read on the jurisdiction's calendar. Pure: the caller passes the instant
 * (workflow time), so a replayed run decides the same way.
 */
import type { BusinessCalendar } from '@civicdesk/schemas';
import type { Facts } from './facts.js';

/** A calendar as the run carries it: only the time zone is required, the rest takes zod's defaults. */
export type TimeFactsCalendar = Pick<BusinessCalendar, 'timezone'> &
  Partial<Omit<BusinessCalendar, 'timezone'>>;

const defaultWorkingDays = ['mon', 'tue', 'wed', 'thu', 'fri'];
const defaultHours = { start: '09:00', end: '17:00' };

const formats = new Map<string, Intl.DateTimeFormat>();
function formatFor(timezone: string): Intl.DateTimeFormat {
  let found = formats.get(timezone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formats.set(timezone, found);
  }
  return found;
}

/** Minutes since midnight of "HH:MM". */
const minutesOf = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/** The `time.*` facts at epoch ms `atMs` in the calendar's time zone (opening hours are [start, end)). */
export function timeFacts(atMs: number, calendar: TimeFactsCalendar): Facts {
  const parts = Object.fromEntries(
    formatFor(calendar.timezone)
      .formatToParts(atMs)
      .map((p) => [p.type, p.value]),
  );
  const hour = Number(parts.hour);
  const minute = hour * 60 + Number(parts.minute);
  const weekday = String(parts.weekday).toLowerCase();
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  const hours = calendar.hours ?? defaultHours;
  const isHoliday = (calendar.holidays ?? []).includes(date);
  const isWorkingDay = (calendar.working_days ?? defaultWorkingDays).includes(weekday as never);
  const isOpen = minute >= minutesOf(hours.start) && minute < minutesOf(hours.end);
  return {
    'time.hour': hour,
    'time.weekday': weekday,
    'time.date': date,
    'time.is_holiday': isHoliday,
    'time.is_business_hours': isWorkingDay && !isHoliday && isOpen,
  };
}
