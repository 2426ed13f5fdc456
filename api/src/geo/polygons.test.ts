import { describe, expect, it } from 'vitest';
import { createAreaIndex, type Area } from './area-index.js';
import { geometryBounds, geometryContains, type AreaGeometry } from './polygons.js';

const square = (x0: number, y0: number, x1: number, y1: number) => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];
const withHole: AreaGeometry = { type: 'Polygon', coordinates: [square(0, 0, 10, 10), square(4, 4, 6, 6)] };
const twoParts: AreaGeometry = {
  type: 'MultiPolygon',
  coordinates: [[square(0, 0, 1, 1)], [square(5, 5, 6, 6)]],
};

describe('geometryContains', () => {
  it('respects holes', () => {
    expect(geometryContains(withHole, 2, 2)).toBe(true);
    expect(geometryContains(withHole, 5, 5)).toBe(false);
    expect(geometryContains(withHole, 11, 5)).toBe(false);
  });

  it('finds points in any part of a MultiPolygon', () => {
    expect(geometryContains(twoParts, 5.5, 5.5)).toBe(true);
    expect(geometryContains(twoParts, 0.5, 0.5)).toBe(true);
    expect(geometryContains(twoParts, 3, 3)).toBe(false);
    expect(geometryBounds(twoParts)).toEqual({ minLng: 0, minLat: 0, maxLng: 6, maxLat: 6 });
  });
});

describe('createAreaIndex', () => {
  const areas: Area[] = [
    { kind: 'ward', code: 'w1', name: 'Ward 1', geometry: withHole },
    {
      kind: 'ward',
      code: 'w-inner',
      name: 'Ward in the hole',
      geometry: { type: 'Polygon', coordinates: [square(4, 4, 6, 6)] },
    },
    { kind: 'service_area', code: 'parts', name: 'Two parts', geometry: twoParts },
    {
      kind: 'service_area',
      code: 'later',
      name: 'Overlapping, listed later',
      geometry: { type: 'Polygon', coordinates: [square(0, 0, 10, 10)] },
    },
    {
      kind: 'district',
      code: 'd1',
      name: 'District 1',
      geometry: { type: 'Polygon', coordinates: [square(0, 0, 10, 10)] },
    },
  ];
  const index = createAreaIndex(areas);

  it('answers each kind once, the first listed area winning overlaps', () => {
    expect(index.areasAt(0.5, 0.5)).toEqual({ ward: 'w1', service_area: 'parts', district: 'd1' });
    expect(index.areasAt(4.5, 4.5)).toEqual({ ward: 'w-inner', service_area: 'later', district: 'd1' });
    expect(index.areasAt(5.5, 5.5)).toEqual({ ward: 'w-inner', service_area: 'parts', district: 'd1' });
    expect(index.areasAt(20, 20)).toEqual({});
  });

  it('handles a jurisdiction without areas', () => {
    expect(createAreaIndex([]).areasAt(1, 1)).toEqual({});
  });
});
