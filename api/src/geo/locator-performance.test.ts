// Locating must cost far less than a request's database write: measured on a city-sized index
// (Chicago has 50 wards, 77 community areas, 22 police districts), polygons of ~400 vertices each.
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import type { Area, AreaKind } from './area-index.js';
import { createLocator } from './locator.js';

const [west, south, east, north] = [-87.94, 41.64, -87.52, 42.02];

/** A grid of cells over the city, each edge split into many jittered vertices like real boundaries. */
function grid(kind: AreaKind, columns: number, rows: number, verticesPerEdge: number): Area[] {
  const areas: Area[] = [];
  const w = (east - west) / columns;
  const h = (north - south) / rows;
  for (let c = 0; c < columns; c++) {
    for (let r = 0; r < rows; r++) {
      const [x0, y0] = [west + c * w, south + r * h];
      const corners = [
        [x0, y0],
        [x0 + w, y0],
        [x0 + w, y0 + h],
        [x0, y0 + h],
      ] as const;
      const ring: number[][] = [];
      for (let e = 0; e < 4; e++) {
        const [ax, ay] = corners[e]!;
        const [bx, by] = corners[(e + 1) % 4]!;
        for (let v = 0; v < verticesPerEdge; v++) {
          const t = v / verticesPerEdge;
          const wiggle = v === 0 ? 0 : Math.sin(v * 12.9898) * 0.0002;
          ring.push([ax + (bx - ax) * t + wiggle, ay + (by - ay) * t + wiggle]);
        }
      }
      ring.push(ring[0]!);
      areas.push({
        kind,
        code: `${kind}-${c}-${r}`,
        name: `${kind} ${c},${r}`,
        geometry: { type: 'Polygon', coordinates: [ring] },
      });
    }
  }
  return areas;
}

describe('locate performance on a city-sized index', () => {
  it('takes well under 1 ms per point', async () => {
    const areas = [
      ...grid('ward', 10, 5, 100),
      ...grid('district', 11, 7, 100),
      ...grid('service_area', 11, 2, 100),
    ];
    const boundary = {
      type: 'Polygon',
      coordinates: [
        [
          [west, south],
          [east, south],
          [east, north],
          [west, north],
          [west, south],
        ],
      ],
    };
    const built = performance.now();
    const locator = createLocator({ boundary, areas });
    const buildMs = performance.now() - built;

    let seed = 42;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const points = Array.from({ length: 20_000 }, () => ({
      lat: south + random() * (north - south),
      long: west + random() * (east - west),
    }));
    for (const point of points.slice(0, 1000)) await locator.locate(point); // warm up the JIT

    const times: number[] = [];
    let located = 0;
    for (const point of points) {
      const started = performance.now();
      const result = await locator.locate(point);
      times.push(performance.now() - started);
      if (result.ok && result.location.ward && result.location.district && result.location.service_area)
        located++;
    }
    times.sort((a, b) => a - b);
    const mean = times.reduce((sum, t) => sum + t, 0) / times.length;
    const p99 = times[Math.floor(times.length * 0.99)]!;
    const vertices = areas.reduce((sum, a) => sum + (a.geometry.coordinates[0] as unknown[]).length, 0);
    console.log(
      `locate: ${areas.length} areas, ${vertices} vertices, index built in ${buildMs.toFixed(1)} ms; ` +
        `${points.length} points: mean ${(mean * 1000).toFixed(1)} µs, p99 ${(p99 * 1000).toFixed(1)} µs`,
    );
    expect(located).toBeGreaterThan(points.length * 0.99);
    expect(mean).toBeLessThan(0.25); // milliseconds: a shared 2-core machine leaves a wide margin
  });
});

describe('offline geocoding performance on a city-sized address book', () => {
  it('answers exact addresses in microseconds and fuzzy ones in milliseconds', async () => {
    const streets = [
      'N Clark St',
      'W Madison St',
      'S Halsted St',
      'N Milwaukee Ave',
      'W Fullerton Ave',
      'S Ashland Ave',
    ];
    const extra = Array.from({ length: 194 }, (_, i) => `W ${i + 1}th St`);
    const allStreets = [...streets, ...extra];
    const points = Array.from({ length: 100_000 }, (_, i) => ({
      address_id: `A${i}`,
      address: `${100 + 2 * Math.floor(i / allStreets.length)} ${allStreets[i % allStreets.length]}`,
      lat: south + (i % 1000) * 0.0003,
      long: west + Math.floor(i / 1000) * 0.004,
    }));
    const { createOfflineGeocoder } = await import('./geocoders/offline.js');
    const built = performance.now();
    const geocoder = createOfflineGeocoder(points);
    const buildMs = performance.now() - built;
    const time = async (address: string, runs: number) => {
      const started = performance.now();
      let best;
      for (let i = 0; i < runs; i++) [best] = await geocoder.geocode(address);
      return { ms: (performance.now() - started) / runs, best };
    };
    const exact = await time('500 W 17th St', 200);
    const fuzzy = await time('500 W 17 Street Chicago', 20);
    console.log(
      `offline geocoder: ${points.length} addresses indexed in ${buildMs.toFixed(0)} ms; ` +
        `exact ${(exact.ms * 1000).toFixed(1)} µs, fuzzy ${fuzzy.ms.toFixed(2)} ms per lookup`,
    );
    expect(exact.best).toMatchObject({ address: '500 W 17th St', score: 100 });
    expect(fuzzy.best?.address).toBe('500 W 17th St');
    expect(exact.ms).toBeLessThan(1);
  });
});
