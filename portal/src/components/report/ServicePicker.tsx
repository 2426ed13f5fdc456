/** Step one: find the service by words or by group, then pick it from a list of radio buttons. */
import { useState } from 'react';
import type { Open311Service } from '../../api/open311.js';
import { useI18n } from '../../i18n/use-i18n.js';
import { fieldId, hintId } from '../../model/field-id.js';
import { filterServices, serviceGroups } from '../../model/filter-services.js';
import { FieldMessages, fieldAria } from './FieldMessages.js';

interface Props {
  services: readonly Open311Service[];
  chosen: string;
  onChoose(code: string): void;
  messages: readonly string[] | undefined;
}

export function ServicePicker({ services, chosen, onChoose, messages }: Props) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [group, setGroup] = useState('');
  const shown = filterServices(services, query, group);
  return (
    <div className="service-picker">
      <div className="picker-filters">
        <div className="field">
          <label htmlFor="service-search">{t('report.search.label')}</label>
          <p id="service-search-hint" className="hint">
            {t('report.search.hint')}
          </p>
          <input
            id="service-search"
            type="search"
            value={query}
            aria-describedby="service-search-hint"
            aria-controls={fieldId('service_code')}
            onChange={(e) => setQuery(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="service-group">{t('report.group.label')}</label>
          <select id="service-group" value={group} onChange={(e) => setGroup(e.target.value)}>
            <option value="">{t('report.group.all')}</option>
            {serviceGroups(services).map((g) => (
              <option key={g} value={g}>
                {g}
              </option>
            ))}
          </select>
        </div>
      </div>
      <fieldset
        id={fieldId('service_code')}
        className="services"
        tabIndex={-1}
        {...fieldAria('service_code', false, messages)}
      >
        <legend className="visually-hidden">{t('report.services.label')}</legend>
        <p role="status" className={shown.length ? 'visually-hidden' : 'hint'} id={hintId('service_code')}>
          {shown.length ? '' : t('report.search.none', { query })}
        </p>
        {shown.map((s) => (
          <label key={s.service_code} className={s.service_code === chosen ? 'service chosen' : 'service'}>
            <input
              type="radio"
              name="service_code"
              value={s.service_code}
              checked={s.service_code === chosen}
              onChange={() => onChoose(s.service_code)}
            />
            <span className="service-text">
              <span className="service-name">{s.service_name}</span>
              <span className="group">{s.group}</span>
              <span className="service-description">{s.description}</span>
            </span>
          </label>
        ))}
        <FieldMessages field="service_code" messages={messages} />
      </fieldset>
    </div>
  );
}
