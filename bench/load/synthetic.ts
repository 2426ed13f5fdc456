/**
 * Synthetic requests with the real demand's shape (nyc-profile.ts): service, place, channel and a
 * simulated report time (weekday and hour of day), with attribute answers valid for the service's
 * form. Seeded, so the same seed gives the same requests.
 */
import { templateOf } from '../support/bench-city.js';
import { seededRandom, weightedPicker, type DemandProfile } from './nyc-profile.js';

/** One request to send, in the channel-independent shape (Open311 fields plus attributes). */
export interface LoadRequest {
  seq: number;
  service_code: string;
  description: string;
  lat?: number;
  long?: number;
  address_string?: string;
  attributes: Record<string, string | string[]>;
  /** The NYC channel it stands for (PHONE, ONLINE, MOBILE, UNKNOWN, OTHER). */
  sourceChannel: string;
  /** When, in simulated (or replayed) time, the resident reported it. */
  reportedAt: Date;
}

export interface SyntheticOptions {
  count: number;
  seed?: number;
  /** Simulated period the reports fall in: one day or one week (weekday shares apply). */
  span?: 'day' | 'week';
  /** First simulated day (a Monday by default), local midnight in UTC terms. */
  from?: Date;
}

/** Makes `count` requests, sorted by their simulated report time. */
export function syntheticRequests(profile: DemandProfile, options: SyntheticOptions): LoadRequest[] {
  const random = seededRandom(options.seed ?? 311);
  const pick = {
    service: weightedPicker(profile.services),
    borough: weightedPicker(profile.boroughs),
    hotspot: weightedPicker(profile.hotspots),
    street: weightedPicker(profile.streets),
    channel: weightedPicker(profile.channels),
    locationType: weightedPicker(profile.locationTypes),
    hour: weightedPicker(profile.hours),
    weekday: weightedPicker(profile.weekdays),
  };
  const hotspotShare = profile.hotspots.reduce((n, h) => n + h.weight, 0);
  const from = options.from ?? new Date('2026-11-30T05:00:00Z');
  const requests: LoadRequest[] = [];
  for (let seq = 0; seq < options.count; seq += 1) {
    const service = pick.service(random);
    const descriptor = service.descriptors.length
      ? service.descriptors[Math.floor(random() * service.descriptors.length)]!
      : null;
    const name = service.nyc === 'Other' ? service.code.replace(/-/g, ' ') : service.nyc;
    const place = placeFor(random, profile.noPointShare, hotspotShare, pick);
    const day = options.span === 'week' ? Number(pick.weekday(random) + 6) % 7 : 0; // days after Monday
    const minutes = pick.hour(random) * 60 + random() * 60;
    requests.push({
      seq,
      service_code: service.code,
      description: descriptor ? `${name}: ${descriptor}` : `${name} reported by a resident`,
      ...place,
      attributes: attributeAnswers(service.code, descriptor, random, () => pick.locationType(random)),
      sourceChannel: pick.channel(random),
      reportedAt: new Date(from.getTime() + day * 86_400_000 + minutes * 60_000),
    });
  }
  requests.sort((a, b) => a.reportedAt.getTime() - b.reportedAt.getTime());
  return requests;
}

type Pickers = {
  borough: (r: () => number) => { box: [number, number, number, number] };
  hotspot: (r: () => number) => { lat: number; long: number };
  street: (r: () => number) => string;
};

/** A point (a busy real one, or anywhere in a borough) or, for the share without one, an address. */
function placeFor(random: () => number, noPointShare: number, hotspotShare: number, pick: Pickers) {
  const u = random();
  if (u < noPointShare) {
    return { address_string: `${1 + Math.floor(random() * 2000)} ${pick.street(random)}, New York, NY` };
  }
  if (u < noPointShare + hotspotShare) return pick.hotspot(random);
  const [lat0, lat1, long0, long1] = pick.borough(random).box;
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  return { lat: round(lat0 + random() * (lat1 - lat0)), long: round(long0 + random() * (long1 - long0)) };
}

const oneOf = <T>(random: () => number, values: readonly T[]) =>
  values[Math.floor(random() * values.length)]!;

/** Answers for the form of the Springfield service the bench service copies. */
function attributeAnswers(
  code: string,
  descriptor: string | null,
  random: () => number,
  locationType: () => string,
): Record<string, string | string[]> {
  switch (templateOf(code)) {
    case 'pothole': {
      const where = locationType().toLowerCase();
      const location_type = where.includes('park')
        ? 'park_path'
        : where.includes('sidewalk') && !where.includes('street')
          ? 'sidewalk'
          : random() < 0.05
            ? 'bike_lane'
            : 'road';
      return { depth_cm: String(2 + Math.floor(random() * random() * 25)), location_type };
    }
    case 'streetlight-out':
      return { light_state: random() < 0.7 ? 'dark' : oneOf(random, ['flickering', 'day_burning']) };
    case 'missed-pickup':
      return { bins: random() < 0.6 ? ['trash'] : random() < 0.5 ? ['recycling'] : ['trash', 'recycling'] };
    case 'illegal-dumping':
      return { items: [oneOf(random, ['furniture', 'tyres', 'construction', 'other'])] };
    case 'graffiti':
      return { offensive: random() < 0.15 ? 'yes' : 'no', surface: oneOf(random, ['wall', 'bench', 'sign']) };
    case 'general-question': {
      const topic = /park/i.test(code)
        ? 'parks'
        : /parking|driveway|street/i.test(code)
          ? 'streets'
          : code === 'general-question'
            ? oneOf(random, ['collection', 'streets', 'parks', 'other'])
            : 'other';
      return { topic, question: descriptor ?? `About ${code.replace(/-/g, ' ')}` };
    }
    default:
      return {};
  }
}
