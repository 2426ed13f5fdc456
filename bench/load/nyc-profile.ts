/**
 * The shape of real 311 demand, read from the real data in examples/real311/: which services, where
 * (boroughs, the busiest points, the share without a point), through which channel and — from the
 * Boston cases, the only real file with full timestamps over whole days — at which hour and weekday.
 * The NYC frequency file has no hour of day (its top "Created Date" values are midnight, the
 * date-only records), and the NYC record file covers four night hours only.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { planFromFrequencies, readFrequencies } from '../duplicates/synthetic-nyc.js';
import { BENCH_SERVICES } from '../support/bench-city.js';

export const realDataFolder = fileURLToPath(new URL('../../examples/real311/', import.meta.url));

/** A value and its weight; weights need not add up to 1. */
export interface Weighted<T> {
  value: T;
  weight: number;
}

export interface DemandProfile {
  services: Weighted<{ code: string; nyc: string; descriptors: string[] }>[];
  /** Boxes [lat0, lat1, long0, long1] of the boroughs ("Unspecified": anywhere in the city). */
  boroughs: Weighted<{ name: string; box: [number, number, number, number] }>[];
  /** The sample's busiest real points inside the city, with their share of all requests. */
  hotspots: Weighted<{ lat: number; long: number }>[];
  /** Share of requests without a point (sent with a street address instead). */
  noPointShare: number;
  /** Real street names, for the requests without a point. */
  streets: Weighted<string>[];
  /** NYC "Open Data Channel Type" (PHONE, UNKNOWN, ONLINE, MOBILE, OTHER). */
  channels: Weighted<string>[];
  /** NYC "Location Type" (RESIDENTIAL BUILDING, Street, Park…), for location attributes. */
  locationTypes: Weighted<string>[];
  /** Requests per hour of day 0–23 (local time). */
  hours: Weighted<number>[];
  /** Requests per weekday 0–6 (Sunday = 0). */
  weekdays: Weighted<number>[];
}

const inCity = (lat: number, long: number) => lat > 40.49 && lat < 40.92 && long > -74.26 && long < -73.7;

/** Reads the profile from the real files (the NYC frequencies and the Boston cases). */
export function readDemandProfile(folder = realDataFolder): DemandProfile {
  const freqs = readFrequencies(`${folder}nyc311-1m-sample-frequencies.csv`);
  const plan = planFromFrequencies(freqs, 1_000_000);
  const field = (name: string) =>
    freqs.filter((f) => f.field === name && !f.value.startsWith('Other (') && f.value !== '(NULL)');
  const named = new Map(plan.services.map((s) => [s.name, s]));
  const otherTotal = plan.services
    .filter((s) => s.code.startsWith('other-'))
    .reduce((n, s) => n + s.count, 0);
  const otherBuckets = BENCH_SERVICES.filter((s) => s.nyc === 'Other').length;
  const services = BENCH_SERVICES.map((s) => {
    const real = named.get(s.nyc);
    if (s.nyc !== 'Other' && !real) throw new Error(`The NYC sample has no complaint type '${s.nyc}'`);
    return {
      value: { code: s.code, nyc: s.nyc, descriptors: real?.descriptors ?? [] },
      weight: real ? real.count : otherTotal / otherBuckets,
    };
  });
  const hotspots = plan.hotspots
    .filter((h) => inCity(h.lat, h.long))
    .map((h) => ({ value: { lat: h.lat, long: h.long }, weight: h.share }));
  const { hours, weekdays } = bostonTiming(`${folder}boston311-2022-01-100.csv`);
  return {
    services,
    boroughs: plan.boroughs.map((b) => ({ value: { name: b.name, box: b.box }, weight: b.share })),
    hotspots,
    noPointShare: plan.nullLocationShare,
    streets: field('Street Name').map((f) => ({ value: f.value, weight: f.count })),
    channels: field('Open Data Channel Type').map((f) => ({ value: f.value, weight: f.count })),
    locationTypes: field('Location Type').map((f) => ({ value: f.value, weight: f.count })),
    hours,
    weekdays,
  };
}

/**
 * Hour-of-day and weekday counts of the Boston cases' open times, each count plus one (so no hour
 * is impossible with only 100 cases to learn from).
 */
function bostonTiming(path: string) {
  const rows = parse(readFileSync(path, 'utf8'), { columns: true, skip_empty_lines: true }) as {
    open_dt?: string;
  }[];
  const hours = Array.from({ length: 24 }, () => 1);
  const weekdays = Array.from({ length: 7 }, () => 1);
  for (const row of rows) {
    const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):/.exec(row.open_dt ?? '');
    if (!m) continue;
    hours[Number(m[4])]! += 1;
    weekdays[new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).getUTCDay()]! += 1;
  }
  return {
    hours: hours.map((weight, value) => ({ value, weight })),
    weekdays: weekdays.map((weight, value) => ({ value, weight })),
  };
}

/** A picker over weighted values, driven by `random` (0 ≤ u < 1). */
export function weightedPicker<T>(items: readonly Weighted<T>[]): (random: () => number) => T {
  if (items.length === 0) throw new Error('Nothing to pick from');
  const cumulative: number[] = [];
  let total = 0;
  for (const item of items) cumulative.push((total += item.weight));
  return (random) => {
    const u = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > u) hi = mid;
      else lo = mid + 1;
    }
    return items[lo]!.value;
  };
}

/** A small seeded generator (mulberry32), so a run can be repeated request for request. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
