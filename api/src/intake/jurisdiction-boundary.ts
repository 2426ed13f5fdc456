/**
 * "Is this point inside the city?" against the jurisdiction's GeoJSON boundary (Polygon or
 * MultiPolygon, holes respected). Ray casting is exact enough at city scale; district lookup with a
 * spatial index comes with the geo work.
 */
type Ring = [number, number][];
type Boundary = { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };

function insideRing(lng: number, lat: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

const insidePolygon = (lng: number, lat: number, rings: Ring[]) =>
  rings.length > 0 &&
  insideRing(lng, lat, rings[0]!) &&
  !rings.slice(1).some((hole) => insideRing(lng, lat, hole));

/** True when the point lies inside the boundary; a jurisdiction without a boundary accepts every point. */
export function isInsideBoundary(boundary: unknown, lat: number, lng: number): boolean {
  const b = boundary as Boundary | null;
  if (!b) return true;
  if (b.type === 'Polygon') return insidePolygon(lng, lat, b.coordinates);
  if (b.type === 'MultiPolygon') return b.coordinates.some((polygon) => insidePolygon(lng, lat, polygon));
  return true;
}
