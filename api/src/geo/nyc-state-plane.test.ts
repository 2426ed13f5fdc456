// The required proof of the conversion: every real NYC 311 record carries both its State Plane
// x/y (EPSG:2263, US feet) and its own latitude/longitude, so converting one must land on the other.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { haversineMetres } from './haversine.js';
import { fromWgs84, parseSpatialReference, toWgs84 } from './projections.js';

const csvPath = new URL('../../../examples/real311/nyc311-2024-04-1000.csv', import.meta.url);

type Row = Record<string, string>;
const number = (text: string | undefined) =>
  text === undefined || text.trim() === '' ? undefined : Number(text);

describe('EPSG:2263 against 1,000 real NYC 311 records', () => {
  it('lands every record with coordinates within 1 m of its own latitude/longitude', () => {
    const rows = parse(readFileSync(csvPath), { columns: true, skip_empty_lines: true }) as Row[];
    expect(rows).toHaveLength(1000);
    const reference = parseSpatialReference('EPSG:2263');
    if (!reference.ok) throw new Error(reference.error.message);

    let skipped = 0;
    const errors: number[] = [];
    const roundTrip: number[] = [];
    for (const row of rows) {
      const [x, y] = [number(row.x_coordinate_state_plane), number(row.y_coordinate_state_plane)];
      const [lat, long] = [number(row.latitude), number(row.longitude)];
      if (x === undefined || y === undefined || lat === undefined || long === undefined) {
        skipped++;
        continue;
      }
      const converted = toWgs84(x, y, reference.code);
      const error = haversineMetres(converted, { lat, long });
      errors.push(error);
      expect({ key: row.unique_key, error: error < 1 }).toEqual({ key: row.unique_key, error: true });
      const back = fromWgs84(lat, long, reference.code);
      roundTrip.push(Math.hypot(back.x - x, back.y - y) * 0.3048006096);
    }

    const max = Math.max(...errors);
    const mean = errors.reduce((sum, e) => sum + e, 0) / errors.length;
    const maxBack = Math.max(...roundTrip);
    console.log(
      `NYC EPSG:2263 → WGS84: ${errors.length} converted, ${skipped} skipped (no coordinates); ` +
        `error max ${max.toFixed(3)} m, mean ${mean.toFixed(3)} m; WGS84 → EPSG:2263 max ${maxBack.toFixed(3)} m`,
    );
    expect(errors.length + skipped).toBe(1000);
    expect(errors.length).toBeGreaterThan(900);
    // x/y are published rounded to whole feet, so the reverse is held to the same metre.
    expect(maxBack).toBeLessThan(1);
  });
});
