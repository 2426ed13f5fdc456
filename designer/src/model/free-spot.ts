/** Where to drop a new step near a point without covering the steps already there. */
import type { Position } from './edit.js';

const W = 260;
const H = 150;

/** The nearest free grid spot around `near`, preferring right and below (where a flow goes on). */
export function freeSpot(taken: readonly Position[], near: Position): Position {
  const clear = (spot: Position) =>
    taken.every((p) => Math.abs(p.x - spot.x) >= W || Math.abs(p.y - spot.y) >= H);
  const offsets: [number, number, number][] = [];
  for (let dx = -6; dx <= 6; dx++)
    for (let dy = -6; dy <= 6; dy++) offsets.push([Math.max(Math.abs(dx), Math.abs(dy)), dx, dy]);
  offsets.sort(
    (a, b) => a[0] - b[0] || Number(a[1] < 0) - Number(b[1] < 0) || Number(a[2] < 0) - Number(b[2] < 0),
  );
  for (const [, dx, dy] of offsets) {
    const spot = { x: Math.round(near.x + dx * W), y: Math.round(near.y + dy * H) };
    if (clear(spot)) return spot;
  }
  return near;
}
