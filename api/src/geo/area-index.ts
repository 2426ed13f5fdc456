/**
 * An in-memory spatial index over a jurisdiction's districts, wards and service areas: a packed
 * Hilbert R-tree (flatbush) of their bounding boxes, then the exact point-in-polygon test on the few
 * candidates. Built once per jurisdiction; a lookup costs microseconds.
 */
import Flatbush from 'flatbush';
import { geometryBounds, geometryContains, type AreaGeometry } from './polygons.js';

export const areaKinds = ['district', 'ward', 'service_area'] as const;
export type AreaKind = (typeof areaKinds)[number];

export interface Area {
  kind: AreaKind;
  code: string;
  name: string;
  geometry: AreaGeometry;
}

/** The code of the area of each kind that contains a point (absent when none does). */
export type AreaCodes = Partial<Record<AreaKind, string>>;

export interface AreaIndex {
  /** Codes of the containing areas; where areas of one kind overlap, the first listed wins. */
  areasAt(lat: number, long: number): AreaCodes;
  readonly size: number;
}

/** Indexes the areas once, keeping their order to settle overlaps deterministically. */
export function createAreaIndex(areas: readonly Area[]): AreaIndex {
  if (areas.length === 0) return { areasAt: () => ({}), size: 0 };
  const index = new Flatbush(areas.length);
  for (const area of areas) {
    const { minLng, minLat, maxLng, maxLat } = geometryBounds(area.geometry);
    index.add(minLng, minLat, maxLng, maxLat);
  }
  index.finish();
  return {
    size: areas.length,
    areasAt(lat, long) {
      const found: AreaCodes = {};
      // search() answers in tree order; sort so the first listed area of a kind wins an overlap.
      const candidates = index.search(long, lat, long, lat).sort((a, b) => a - b);
      for (const i of candidates) {
        const area = areas[i]!;
        if (found[area.kind] === undefined && geometryContains(area.geometry, long, lat))
          found[area.kind] = area.code;
      }
      return found;
    },
  };
}
