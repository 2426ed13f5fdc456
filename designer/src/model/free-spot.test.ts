import { describe, expect, it } from 'vitest';
import { freeSpot } from './free-spot.js';

describe('freeSpot', () => {
  it('answers the point itself when free, else the nearest free grid spot', () => {
    expect(freeSpot([], { x: 10, y: 20 })).toEqual({ x: 10, y: 20 });
    const spot = freeSpot([{ x: 0, y: 0 }], { x: 5, y: 5 });
    expect(Math.abs(spot.x) >= 260 || Math.abs(spot.y) >= 150).toBe(true);
    expect(Math.hypot(spot.x, spot.y)).toBeLessThan(400);
    expect(spot.x >= 0 && spot.y >= 0).toBe(true);
  });
});
