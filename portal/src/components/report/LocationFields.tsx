/** Step three: the map, "use my location", and typed coordinates or an address, each with its messages. */
import { useCallback } from 'react';
import type { PortalConfig } from '../../api/portal-config.js';
import { useGeolocation } from '../../hooks/use-geolocation.js';
import { useI18n } from '../../i18n/use-i18n.js';
import type { MessagesByField } from '../../model/messages-by-field.js';
import { LocationMap } from './LocationMap.js';
import { TextField } from './TextField.js';

interface Props {
  config: PortalConfig;
  lat: string;
  long: string;
  address: string;
  point: { lat: number; long: number } | null;
  onChange(patch: { lat?: string; long?: string; address?: string }): void;
  messages: MessagesByField;
}

export function LocationFields({ config, lat, long, address, point, onChange, messages }: Props) {
  const { t } = useI18n();
  const pick = useCallback(
    (p: { lat: number; long: number }) => onChange({ lat: String(p.lat), long: String(p.long) }),
    [onChange],
  );
  const { state, locate } = useGeolocation(pick);
  const locateMessage =
    state === 'busy'
      ? t('report.locate.busy')
      : state === 'denied'
        ? t('report.locate.denied')
        : state === 'unavailable'
          ? t('report.locate.unavailable')
          : state === 'found'
            ? t('report.locate.found')
            : '';
  return (
    <>
      <p className="hint" id="place-hint">
        {t('report.place.hint')}
      </p>
      <LocationMap
        config={config}
        point={point}
        onPick={pick}
        label={t('report.map.label')}
        pinLabel={t('report.map.pin')}
      />
      <div className="locate">
        <button type="button" className="secondary" onClick={locate} disabled={state === 'busy'}>
          {t('report.locate')}
        </button>
        <p role="status" className={state === 'denied' || state === 'unavailable' ? 'notice warn' : 'notice'}>
          {locateMessage}
        </p>
      </div>
      <p id="coordinates-hint" className="hint">
        {t('report.coordinates.hint')}
      </p>
      <div className="coordinates">
        <TextField
          field="lat"
          label={t('report.lat.label')}
          describedBy="coordinates-hint"
          value={lat}
          onChange={(v) => onChange({ lat: v })}
          messages={messages.get('lat')}
        />
        <TextField
          field="long"
          label={t('report.long.label')}
          describedBy="coordinates-hint"
          value={long}
          onChange={(v) => onChange({ long: v })}
          messages={messages.get('long')}
        />
      </div>
      <TextField
        field="address_string"
        label={t('report.address.label')}
        hint={t('report.address.hint')}
        value={address}
        autoComplete="street-address"
        onChange={(v) => onChange({ address: v })}
        messages={messages.get('address_string')}
      />
    </>
  );
}
