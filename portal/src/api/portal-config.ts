/**
 * Deployment settings read at run time from `/portal-config.json`, so a city changes its map without
 * rebuilding: the tile source (null for no tiles, e.g. offline), the starting view and the boundary.
 */
type Ring = [number, number][];
/** A GeoJSON polygon or multipolygon in WGS84 [long, lat]. */
export type Boundary =
  { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };

export interface PortalConfig {
  tiles: { url: string; attribution: string } | null;
  center: { lat: number; long: number };
  zoom: number;
  boundary: Boundary | null;
}

export const fallbackConfig: PortalConfig = {
  tiles: null,
  center: { lat: 39.7817, long: -89.6501 },
  zoom: 12,
  boundary: null,
};

/** The deployment's settings, or the fallback when the file is missing. */
export async function fetchPortalConfig(): Promise<PortalConfig> {
  const response = await fetch('/portal-config.json');
  if (!response.ok) return fallbackConfig;
  return { ...fallbackConfig, ...((await response.json()) as Partial<PortalConfig>) };
}
