/**
 * The city's Leaflet base map, shared by the report pin and the staff queue map: centred on the
 * city, its boundary drawn on a plain background, tiles only when the deployment configures a source
 * (they cannot always load).
 */
import L from 'leaflet';
import type { PortalConfig } from '../../api/portal-config.js';

/** Creates the base map in `container`, fitted to the boundary when there is one. */
export function createCityBaseMap(container: HTMLElement, config: PortalConfig): L.Map {
  const map = L.map(container, { attributionControl: !!config.tiles, zoomSnap: 0.25 }).setView(
    [config.center.lat, config.center.long],
    config.zoom,
  );
  if (config.tiles) L.tileLayer(config.tiles.url, { attribution: config.tiles.attribution }).addTo(map);
  if (config.boundary) {
    const outline = L.geoJSON(config.boundary, {
      style: { color: '#0b4f8a', weight: 2, fillColor: '#e7f0fa', fillOpacity: 0.5 },
      interactive: false,
    }).addTo(map);
    map.fitBounds(outline.getBounds(), { padding: [8, 8] });
  }
  return map;
}
