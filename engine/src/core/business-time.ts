/**
 * Business time: adding "3 business days" or "8 business hours" to an instant, counting only the
 * jurisdiction's working days and opening hours in its time zone, and skipping its holidays.
 * Pure and deterministic (no clock: the caller passes the start, in workflow time).
 */
import type { BusinessCalendar } from '@civicdesk/schemas';
import { daysFromCivil } from './instant.js';

export type BusinessAmount = { business_days: number } | { business_hours: number };

const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const minuteMs = 60_000;
const dayMs = 86_400_000;

/** A calendar with every default filled in (what zod's parse gives). */
type Calendar = Pick<BusinessCalendar, 'timezone'> & Partial<Omit<BusinessCalendar, 'timezone'>>;

interface Wall {
  /** Days since 1970-01-01 of the local date. */
  day: number;
  /** Minutes since local midnight. */
  minute: number;
  second: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();
function format(timezone: string): Intl.DateTimeFormat {
  let found = formats.get(timezone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(timezone, found);
  }
  return found;
}

/** The local wall-clock time of `ms` in `timezone`. */
function wallOf(ms: number, timezone: string): Wall {
  const parts = Object.fromEntries(
    format(timezone)
      .formatToParts(ms)
      .map((p) => [p.type, Number(p.value)]),
  );
  return {
    day: daysFromCivil(parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1),
    minute: (parts.hour ?? 0) * 60 + (parts.minute ?? 0),
    second: parts.second ?? 0,
  };
}

/** The instant a local wall-clock time denotes (the later one in a DST gap or overlap is fine for SLAs). */
function instantOf(wall: Wall, timezone: string): number {
  const asUtc = wall.day * dayMs + wall.minute * minuteMs + wall.second * 1000;
  let guess = asUtc;
  for (let i = 0; i < 3; i += 1) {
    const seen = wallOf(guess, timezone);
    const seenUtc = seen.day * dayMs + seen.minute * minuteMs + seen.second * 1000;
    guess += asUtc - seenUtc;
  }
  return guess;
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

function isoDate(day: number): string {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Adds business days or hours to `startMs` (epoch ms); answers epoch ms. */
export function addBusinessTime(startMs: number, amount: BusinessAmount, calendar: Calendar): number {
  const open = minutesOf(calendar.hours?.start ?? '09:00');
  const close = minutesOf(calendar.hours?.end ?? '17:00');
  const workingDays = new Set<string>(calendar.working_days ?? ['mon', 'tue', 'wed', 'thu', 'fri']);
  const holidays = new Set(calendar.holidays ?? []);
  const isWorking = (day: number) =>
    workingDays.has(weekdays[(((day + 4) % 7) + 7) % 7]!) && !holidays.has(isoDate(day));
  const nextWorking = (day: number) => {
    let next = day + 1;
    for (let guard = 0; !isWorking(next) && guard < 3660; guard += 1) next += 1;
    return next;
  };

  // Start counting at the next moment the city is open.
  let wall = wallOf(startMs, calendar.timezone);
  if (!isWorking(wall.day) || wall.minute >= close)
    wall = { day: nextWorking(wall.day), minute: open, second: 0 };
  else if (wall.minute < open) wall = { day: wall.day, minute: open, second: 0 };

  if ('business_days' in amount) {
    let day = wall.day;
    for (let left = amount.business_days; left > 0; left -= 1) day = nextWorking(day);
    return instantOf({ ...wall, day }, calendar.timezone);
  }
  let left = Math.round(amount.business_hours * 60);
  let { day, minute } = wall;
  let second = wall.second;
  while (left > close - minute) {
    left -= close - minute;
    day = nextWorking(day);
    minute = open;
    second = 0;
  }
  return instantOf({ day, minute: minute + left, second }, calendar.timezone);
}

/** ISO 8601 (UTC, milliseconds) of epoch ms, without `Date`. */
export function isoFromMs(ms: number): string {
  const day = Math.floor(ms / dayMs);
  const rest = ms - day * dayMs;
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const h = Math.floor(rest / 3_600_000);
  const m = Math.floor((rest % 3_600_000) / minuteMs);
  const s = Math.floor((rest % minuteMs) / 1000);
  return `${isoDate(day)}T${pad(h)}:${pad(m)}:${pad(s)}.${pad(rest % 1000, 3)}Z`;
}
