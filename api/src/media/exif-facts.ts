/**
 * The two facts a 311 photo's EXIF can tell us: where it was taken (GPS) and when. They are kept in
 * the database and the metadata itself is stripped from the stored image, so a resident's camera
 * details never leak through a public photo URL.
 */
import exifr from 'exifr';

export interface ExifFacts {
  location?: { lat: number; long: number };
  capturedAt?: Date;
}

type RawExif = {
  latitude?: unknown;
  longitude?: unknown;
  DateTimeOriginal?: unknown;
  OffsetTimeOriginal?: unknown;
};

/**
 * Reads GPS and capture time from a raw EXIF block (as sharp's `metadata().exif` gives it). A capture
 * time without a UTC offset is read in `timeZone`, the jurisdiction's zone, where the photo was taken.
 */
export async function readExifFacts(exif: Uint8Array | undefined, timeZone: string): Promise<ExifFacts> {
  if (!exif || exif.length < 8) return {};
  const tiff = startsWithExifHeader(exif) ? exif.subarray(6) : exif;
  let raw: RawExif | undefined;
  try {
    raw = (await exifr.parse(Buffer.from(tiff), {
      tiff: true,
      exif: true,
      gps: true,
      reviveValues: false,
      translateValues: false,
    })) as RawExif | undefined;
  } catch {
    return {}; // unreadable EXIF is not the resident's problem: the photo itself is still fine
  }
  if (!raw) return {};
  const facts: ExifFacts = {};
  const location = gpsPoint(raw.latitude, raw.longitude);
  if (location) facts.location = location;
  const capturedAt = captureTime(raw.DateTimeOriginal, raw.OffsetTimeOriginal, timeZone);
  if (capturedAt) facts.capturedAt = capturedAt;
  return facts;
}

const startsWithExifHeader = (bytes: Uint8Array) =>
  String.fromCharCode(...bytes.subarray(0, 6)) === 'Exif\0\0';

/** A plausible WGS84 point; (0, 0) is what cameras write when they had no fix. */
function gpsPoint(lat: unknown, long: unknown): { lat: number; long: number } | undefined {
  if (typeof lat !== 'number' || typeof long !== 'number') return undefined;
  if (!Number.isFinite(lat) || !Number.isFinite(long)) return undefined;
  if (Math.abs(lat) > 90 || Math.abs(long) > 180 || (lat === 0 && long === 0)) return undefined;
  const round = (degrees: number) => Math.round(degrees * 1e7) / 1e7;
  return { lat: round(lat), long: round(long) };
}

const exifDateTime = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/;
const utcOffset = /^([+-])(\d{2}):(\d{2})$/;

/** EXIF "YYYY:MM:DD HH:MM:SS" with its optional "+HH:MM" offset, as an instant. */
export function captureTime(value: unknown, offset: unknown, timeZone: string): Date | undefined {
  const parts = typeof value === 'string' ? exifDateTime.exec(value) : null;
  if (!parts) return undefined;
  const [year, month, day, hour, minute, second] = parts.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const wallClockAsUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  if (Number.isNaN(wallClockAsUtc) || year < 1990) return undefined;
  const explicit = typeof offset === 'string' ? utcOffset.exec(offset.trim()) : null;
  const offsetMinutes = explicit
    ? (explicit[1] === '-' ? -1 : 1) * (Number(explicit[2]) * 60 + Number(explicit[3]))
    : zoneOffsetMinutes(wallClockAsUtc, timeZone);
  return new Date(wallClockAsUtc - offsetMinutes * 60_000);
}

/** The zone's UTC offset, in minutes, around the given wall-clock time. */
function zoneOffsetMinutes(wallClockAsUtc: number, timeZone: string): number {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const offsetAt = (instant: number) => {
    const field = (type: string) =>
      Number(format.formatToParts(instant).find((part) => part.type === type)?.value);
    const local = Date.UTC(
      field('year'),
      field('month') - 1,
      field('day'),
      field('hour'),
      field('minute'),
      field('second'),
    );
    return (local - instant) / 60_000;
  };
  // Two passes settle the offset across a DST change.
  const first = offsetAt(wallClockAsUtc);
  return offsetAt(wallClockAsUtc - first * 60_000);
}
