/**
 * The Leaflet map: the city boundary and a draggable pin on a plain background, with tiles only when
 * the deployment configures a source (they cannot always load). Clicking the map moves the pin.
 */
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import type { PortalConfig } from '../../api/portal-config.js';
import { createCityBaseMap } from '../map/city-base-map.js';

interface Props {
  config: PortalConfig;
  point: { lat: number; long: number } | null;
  onPick(point: { lat: number; long: number }): void;
  label: string;
  pinLabel: string;
}

const pinIcon = L.divIcon({
  className: 'map-pin',
  html: '<span></span>',
  iconSize: [28, 28],
  iconAnchor: [14, 28],
});

export function LocationMap({ config, point, onPick, label, pinLabel }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const marker = useRef<L.Marker | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;

  useEffect(() => {
    if (!container.current) return;
    const m = createCityBaseMap(container.current, config);
    m.on('click', (e: L.LeafletMouseEvent) =>
      pick.current({ lat: round(e.latlng.lat), long: round(e.latlng.lng) }),
    );
    map.current = m;
    return () => {
      m.remove();
      map.current = null;
      marker.current = null;
    };
  }, [config]);

  useEffect(() => {
    const m = map.current;
    if (!m) return;
    if (!point) {
      marker.current?.remove();
      marker.current = null;
      return;
    }
    const at: L.LatLngExpression = [point.lat, point.long];
    if (!marker.current) {
      marker.current = L.marker(at, {
        draggable: true,
        icon: pinIcon,
        title: pinLabel,
        alt: pinLabel,
        keyboard: false,
      })
        .on('dragend', (e) => {
          const ll = (e.target as L.Marker).getLatLng();
          pick.current({ lat: round(ll.lat), long: round(ll.lng) });
        })
        .addTo(m);
    } else marker.current.setLatLng(at);
    if (!m.getBounds().contains(at)) m.panTo(at);
  }, [point, pinLabel]);

  useEffect(() => {
    container.current?.setAttribute('aria-label', label);
  }, [label]);

  return <div ref={container} className="map" role="application" aria-label={label} data-testid="map" />;
}

/** Six decimals is about 10 cm: enough for a pothole, short enough to read. */
function round(degrees: number): number {
  return Math.round(degrees * 1e6) / 1e6;
}
