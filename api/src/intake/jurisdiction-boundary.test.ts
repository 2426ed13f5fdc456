import { describe, expect, it } from 'vitest';
import { isInsideBoundary } from './jurisdiction-boundary.js';

const square: [number, number][] = [
  [0, 0],
  [10, 0],
  [10, 10],
  [0, 10],
  [0, 0],
];
const hole: [number, number][] = [
  [4, 4],
  [6, 4],
  [6, 6],
  [4, 6],
  [4, 4],
];

describe('isInsideBoundary', () => {
  it('accepts points inside a polygon and refuses those outside or in a hole', () => {
    const polygon = { type: 'Polygon', coordinates: [square, hole] };
    expect(isInsideBoundary(polygon, 2, 2)).toBe(true);
    expect(isInsideBoundary(polygon, 5, 5)).toBe(false);
    expect(isInsideBoundary(polygon, 11, 2)).toBe(false);
  });

  it('handles multipolygons and missing boundaries', () => {
    const far: [number, number][] = [
      [20, 20],
      [30, 20],
      [30, 30],
      [20, 30],
      [20, 20],
    ];
    const multi = { type: 'MultiPolygon', coordinates: [[square], [far]] };
    expect(isInsideBoundary(multi, 25, 25)).toBe(true);
    expect(isInsideBoundary(multi, 15, 15)).toBe(false);
    expect(isInsideBoundary(null, 15, 15)).toBe(true);
  });
});
