/**
 * The offline geocoder: the jurisdiction's own address points, searched in memory. It needs no
 * network or key, so the embedded default geocodes, resolves address ids and suggests near misses.
 * Matching is pg_trgm-style trigram similarity over normalised street lines, via an inverted index.
 */
import Flatbush from 'flatbush';
import { haversineMetres } from '../haversine.js';
import { houseNumberOf, normaliseStreetLine, zipcodeIn } from './address-text.js';
import type { GeocodeResult, Geocoder } from './geocoder.js';
import { createTrigramIndex } from './trigram-index.js';

export interface AddressPointRecord {
  address_id: string;
  address: string;
  zipcode?: string | undefined;
  lat: number;
  long: number;
}

export interface OfflineGeocoder extends Geocoder {
  reverse(lat: number, long: number): Promise<GeocodeResult[]>;
  /** The address point with this id, if the jurisdiction has it. */
  findById(addressId: string): GeocodeResult | undefined;
  /** Best matches by similarity alone, also poor ones: for "did you mean" answers. */
  suggest(address: string, limit?: number): GeocodeResult[];
  readonly size: number;
}

// A different house number on the right street is a neighbour, not the address: never a confident match.
const wrongHouseNumberCap = 60;

/** Indexes the address points once (by id, by text trigrams, by position). */
export function createOfflineGeocoder(
  points: readonly AddressPointRecord[],
  options: { limit?: number } = {},
): OfflineGeocoder {
  const limit = options.limit ?? 5;
  const byId = new Map(points.map((point, i) => [point.address_id, i]));
  const normalised = points.map((point) => normaliseStreetLine(point.address));
  const houses = normalised.map(houseNumberOf);
  const texts = createTrigramIndex(normalised);
  // Positions scaled so that planar nearest-neighbour distance approximates ground distance.
  const meanLat = points.reduce((sum, p) => sum + p.lat, 0) / Math.max(1, points.length);
  const lngScale = Math.cos((meanLat * Math.PI) / 180);
  const positions = points.length > 0 ? new Flatbush(points.length) : undefined;
  if (positions) {
    for (const p of points) positions.add(p.long * lngScale, p.lat, p.long * lngScale, p.lat);
    positions.finish();
  }

  const toResult = (i: number, score: number): GeocodeResult => {
    const point = points[i]!;
    return {
      lat: point.lat,
      long: point.long,
      address: point.address,
      address_id: point.address_id,
      ...(point.zipcode && { zipcode: point.zipcode }),
      source: 'offline',
      score,
      accuracy: score === 100 ? 'address_point' : 'similar_address',
    };
  };

  function ranked(address: string, count: number): GeocodeResult[] {
    const query = normaliseStreetLine(address);
    const zipcode = zipcodeIn(address);
    const sameZip = (i: number) =>
      zipcode === undefined || !points[i]!.zipcode || points[i]!.zipcode === zipcode;
    const exact = texts.exact(query).filter(sameZip);
    if (exact.length > 0) return exact.slice(0, count).map((i) => toResult(i, 100));

    const house = houseNumberOf(query);
    const rank = (i: number, similarity: number) => {
      let score = Math.round(similarity * 99); // 100 is kept for exact matches
      const candidateHouse = houses[i];
      if (house !== undefined && candidateHouse !== house) score = Math.min(score, wrongHouseNumberCap);
      if (!sameZip(i)) score = Math.min(score, wrongHouseNumberCap);
      // Among equals, the nearest house number is the likelier "did you mean".
      const tieBreak =
        house && candidateHouse ? Math.abs(parseInt(house, 10) - parseInt(candidateHouse, 10)) : Infinity;
      return { i, score, tieBreak };
    };
    return texts.best(query, count, rank).map(({ i, score }) => toResult(i, score));
  }

  return {
    source: 'offline',
    size: points.length,
    geocode: async (address) => ranked(address, limit),
    suggest: (address, count = 3) => ranked(address, count),
    findById(addressId) {
      const i = byId.get(addressId.trim());
      return i === undefined ? undefined : toResult(i, 100);
    },
    async reverse(lat, long) {
      if (!positions) return [];
      return positions.neighbors(long * lngScale, lat, limit).map((i) => ({
        ...toResult(i, 100),
        accuracy: `${Math.round(haversineMetres({ lat, long }, points[i]!))} m away`,
      }));
    },
  };
}
