/**
 * Point-in-polygon for GeoJSON Polygon / MultiPolygon (holes respected) and their bounding boxes:
 * the exact test after the spatial index's coarse one. Ray casting is exact enough at city scale.
 */
export type Position = [number, number] | number[];
export type Ring = Position[];
export type AreaGeometry =
  { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
export interface Bounds {
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
}

function insideRing(lng: number, lat: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i]![0]!;
    const yi = ring[i]![1]!;
    const xj = ring[j]![0]!;
    const yj = ring[j]![1]!;
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function insidePolygon(lng: number, lat: number, rings: Ring[]): boolean {
  if (rings.length === 0 || !insideRing(lng, lat, rings[0]!)) return false;
  for (let h = 1; h < rings.length; h++) if (insideRing(lng, lat, rings[h]!)) return false;
  return true;
}

/** True when the WGS84 point lies inside the geometry (outside its holes). */
export function geometryContains(geometry: AreaGeometry, lng: number, lat: number): boolean {
  if (geometry.type === 'Polygon') return insidePolygon(lng, lat, geometry.coordinates);
  return geometry.coordinates.some((polygon) => insidePolygon(lng, lat, polygon));
}

/** The bounding box of a geometry's outer rings (holes lie inside them). */
export function geometryBounds(geometry: AreaGeometry): Bounds {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const bounds = { minLng: Infinity, minLat: Infinity, maxLng: -Infinity, maxLat: -Infinity };
  for (const polygon of polygons) {
    for (const [lng = NaN, lat = NaN] of polygon[0] ?? []) {
      bounds.minLng = Math.min(bounds.minLng, lng);
      bounds.minLat = Math.min(bounds.minLat, lat);
      bounds.maxLng = Math.max(bounds.maxLng, lng);
      bounds.maxLat = Math.max(bounds.maxLat, lat);
    }
  }
  return bounds;
}
