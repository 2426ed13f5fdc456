/**
 * The queue on a Leaflet map: one circle per located task, coloured by SLA state (with a legend in
 * words, so colour is never the only signal), on the city outline; tiles only when the deployment
 * configures a source, as on the report page. Beside it, the same tasks as a list of links, which
 * is how keyboard and screen-reader users reach them.
 */
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import type { PortalConfig } from '../../api/portal-config.js';
import { createCityBaseMap } from '../map/city-base-map.js';
import type { QueueMapData } from '../../hooks/use-queue-map.js';
import { useI18n } from '../../i18n/use-i18n.js';
import type { MessageKey } from '../../i18n/messages.js';
import { Link } from '../../router/Link.js';

export const SLA_COLOURS: Record<string, string> = {
  overdue: '#b00020',
  due_soon: '#c25e00',
  on_time: '#1e6b34',
  none: '#4a5561',
};
const SLA_LABELS: Record<string, MessageKey> = {
  overdue: 'staff.sla.overdue',
  due_soon: 'staff.sla.dueSoon',
  on_time: 'staff.sla.onTrack',
  none: 'staff.task.noDue',
};

export function QueueMap({ config, data }: { config: PortalConfig; data: QueueMapData }) {
  const { t } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const layer = useRef<L.LayerGroup | null>(null);

  useEffect(() => {
    if (!container.current) return;
    const m = createCityBaseMap(container.current, config);
    layer.current = L.layerGroup().addTo(m);
    map.current = m;
    return () => {
      m.remove();
      map.current = null;
      layer.current = null;
    };
  }, [config]);

  useEffect(() => {
    const group = layer.current;
    if (!group) return;
    group.clearLayers();
    // Most urgent last, so where markers overlap the most urgent is drawn on top.
    for (const point of [...data.points].reverse()) {
      const colour = SLA_COLOURS[point.sla_state] ?? SLA_COLOURS.none!;
      L.circleMarker([point.lat, point.long], {
        radius: 8,
        color: '#fff',
        weight: 2,
        fillColor: colour,
        fillOpacity: 0.9,
        className: `queue-marker sla-${point.sla_state}`,
      })
        .bindPopup(
          `<strong>#${point.service_request_id}</strong> ${escapeHtml(point.title)} · ${escapeHtml(point.service_name)}<br>${escapeHtml(t(SLA_LABELS[point.sla_state] ?? 'staff.task.noDue'))}${point.address ? `<br>${escapeHtml(point.address)}` : ''}`,
        )
        .addTo(group);
    }
  }, [data, t]);

  return (
    <div className="queue-map">
      <div
        ref={container}
        className="map"
        role="region"
        aria-label={t('staff.map.label', { count: data.points.length })}
        data-testid="queue-map"
      />
      <div className="queue-map-side">
        <ul className="legend" aria-label={t('staff.map.legend')}>
          {Object.entries(SLA_LABELS).map(([state, key]) => (
            <li key={state}>
              <span className="swatch" style={{ background: SLA_COLOURS[state] }} aria-hidden="true" />
              {t(key)}
            </li>
          ))}
        </ul>
        {data.truncated && (
          <p className="notice warn">{t('staff.map.truncated', { count: data.points.length })}</p>
        )}
        {data.points.length === 0 ? (
          <p>{t('staff.map.empty')}</p>
        ) : (
          <details className="map-list">
            <summary>{t('staff.map.list')}</summary>
            <ul>
              {data.points.map((point) => (
                <li key={point.id}>
                  <Link href={`/track/${point.service_request_id}`}>
                    {t('staff.task.request', { id: point.service_request_id })}
                  </Link>{' '}
                  {point.title} · {point.service_name} ·{' '}
                  {t(SLA_LABELS[point.sla_state] ?? 'staff.task.noDue')}
                </li>
              ))}
            </ul>
          </details>
        )}
      </div>
    </div>
  );
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
