/** The jurisdiction settings form's state and its conversion to the admin API's input. */
const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];
export { weekdays };

export interface SettingsDraft {
  name: string;
  timezone: string;
  useCalendar: boolean;
  workingDays: Weekday[];
  start: string;
  end: string;
  /** ISO dates separated by commas or new lines. */
  holidays: string;
  /** GeoJSON text; empty for no boundary. */
  boundary: string;
}

interface Settings {
  name: string;
  timezone: string;
  boundary: unknown;
  calendar: { working_days: Weekday[]; hours: { start: string; end: string }; holidays: string[] } | null;
}

/** The stored settings as form state. */
export function toSettingsDraft(s: Settings): SettingsDraft {
  return {
    name: s.name,
    timezone: s.timezone,
    useCalendar: s.calendar !== null,
    workingDays: s.calendar?.working_days ?? ['mon', 'tue', 'wed', 'thu', 'fri'],
    start: s.calendar?.hours.start ?? '09:00',
    end: s.calendar?.hours.end ?? '17:00',
    holidays: (s.calendar?.holidays ?? []).join(', '),
    boundary: s.boundary ? JSON.stringify(s.boundary) : '',
  };
}

/** Parses GeoJSON text: the value, or null for an empty box, or an error when it is not JSON. */
export function parseGeoJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (!text.trim()) return { ok: true, value: null };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** The form as the admin API's input (the boundary already parsed). */
export function fromSettingsDraft(d: SettingsDraft, boundary: unknown) {
  return {
    name: d.name,
    timezone: d.timezone,
    boundary: boundary as never,
    calendar: d.useCalendar
      ? {
          timezone: d.timezone,
          working_days: d.workingDays,
          hours: { start: d.start, end: d.end },
          holidays: d.holidays
            .split(/[\s,]+/)
            .map((h) => h.trim())
            .filter(Boolean),
        }
      : null,
  };
}
