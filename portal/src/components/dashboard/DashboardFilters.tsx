/** The dashboard's filters: date range, period (day/week/month), breakdown, and one value of each dimension. */
import type { DashboardOptions } from '../../hooks/use-dashboard.js';
import { periods, dimensions } from './dimension-lists.js';
import type { DashboardQuery } from '../../hooks/use-dashboard-query.js';
import { useI18n } from '../../i18n/use-i18n.js';
import { humanise } from '../../model/humanise.js';
import { dimensionKeys, periodKeys } from './labels.js';

export function DashboardFilters({
  query,
  options,
  onChange,
}: {
  query: DashboardQuery;
  options: DashboardOptions | undefined;
  onChange<K extends keyof DashboardQuery>(key: K, value: DashboardQuery[K]): void;
}) {
  const { t } = useI18n();
  const choice = (
    key: 'service' | 'department' | 'district' | 'channel',
    list: { code: string; name: string }[],
  ) => (
    <div className="field">
      <label htmlFor={`dash-${key}`}>{t(dimensionKeys[key])}</label>
      <select id={`dash-${key}`} value={query[key]} onChange={(e) => onChange(key, e.target.value)}>
        <option value="">{t('dash.filter.all')}</option>
        {list.map((o) => (
          <option key={o.code} value={o.code}>
            {key === 'channel' ? humanise(o.name) : o.name}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form
      className="card dash-filters"
      aria-labelledby="dash-filters-heading"
      onSubmit={(e) => e.preventDefault()}
    >
      <h2 id="dash-filters-heading" className="visually-hidden">
        {t('dash.filters')}
      </h2>
      <div className="field">
        <label htmlFor="dash-from">{t('dash.filter.from')}</label>
        <input
          id="dash-from"
          type="date"
          value={query.from}
          max={query.to || undefined}
          onChange={(e) => onChange('from', e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="dash-to">{t('dash.filter.to')}</label>
        <input
          id="dash-to"
          type="date"
          value={query.to}
          min={query.from || undefined}
          onChange={(e) => onChange('to', e.target.value)}
        />
      </div>
      <fieldset className="field period-switch">
        <legend>{t('dash.filter.period')}</legend>
        <div className="segmented">
          {periods.map((p) => (
            <label key={p}>
              <input
                type="radio"
                name="dash-period"
                value={p}
                checked={query.period === p}
                onChange={() => onChange('period', p)}
              />
              <span>{t(periodKeys[p])}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor="dash-by">{t('dash.filter.by')}</label>
        <select
          id="dash-by"
          value={query.by}
          onChange={(e) => onChange('by', e.target.value as DashboardQuery['by'])}
        >
          {dimensions.map((d) => (
            <option key={d} value={d}>
              {t(dimensionKeys[d])}
            </option>
          ))}
        </select>
      </div>
      {choice('service', options?.services ?? [])}
      {choice('department', options?.departments ?? [])}
      {choice('district', options?.districts ?? [])}
      {choice('channel', options?.channels ?? [])}
    </form>
  );
}
