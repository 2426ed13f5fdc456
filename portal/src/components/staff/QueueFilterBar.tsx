/** The queue's filter bar: free-text search, one select per facet (with counts), the sort, and "clear". */
import type { ChangeEvent, ReactNode } from 'react';
import type { QueueFacets } from '../../hooks/use-queue.js';
import { useI18n } from '../../i18n/use-i18n.js';
import type { MessageKey } from '../../i18n/messages.js';
import { activeFilterCount, defaultFilters, type QueueFilterState } from '../../model/queue-view.js';

interface Props {
  filters: QueueFilterState;
  facets: QueueFacets | undefined;
  onChange(filters: QueueFilterState): void;
}

const SLA_LABELS: Record<string, MessageKey> = {
  overdue: 'staff.sla.overdue',
  due_soon: 'staff.sla.dueSoon',
  on_time: 'staff.sla.onTrack',
  none: 'staff.task.noDue',
};

export function QueueFilterBar({ filters, facets, onChange }: Props) {
  const { t } = useI18n();
  const set =
    <K extends keyof QueueFilterState>(key: K) =>
    (event: ChangeEvent<HTMLSelectElement | HTMLInputElement>) =>
      onChange({ ...filters, [key]: event.target.value as QueueFilterState[K] });
  const counted = (label: string, count: number | undefined) =>
    facets ? t('staff.queue.withCount', { label, count: count ?? 0 }) : label;
  const all = t('staff.queue.all');
  return (
    <form
      className="queue-filters card"
      role="search"
      aria-label={t('staff.queue.filters')}
      onSubmit={(e) => e.preventDefault()}
    >
      <div className="field queue-search">
        <label htmlFor="queue-search">{t('staff.queue.search')}</label>
        <input id="queue-search" type="search" value={filters.search} onChange={set('search')} />
      </div>
      <div className="queue-selects">
        <Select
          id="queue-status"
          label={t('staff.queue.status')}
          value={filters.status}
          onChange={set('status')}
        >
          <option value="active">{counted(t('staff.queue.status.active'), sum(facets?.status))}</option>
          <option value="open">{counted(t('staff.queue.status.open'), facets?.status.open)}</option>
          <option value="claimed">{counted(t('staff.queue.status.claimed'), facets?.status.claimed)}</option>
        </Select>
        <Select
          id="queue-assignee"
          label={t('staff.queue.assignee')}
          value={filters.assignee}
          onChange={set('assignee')}
        >
          <option value="any">{counted(t('staff.queue.assignee.any'), sum(facets?.assignee))}</option>
          <option value="mine">{counted(t('staff.queue.assignee.mine'), facets?.assignee.mine)}</option>
          <option value="unassigned">
            {counted(t('staff.queue.assignee.unassigned'), facets?.assignee.unassigned)}
          </option>
        </Select>
        <Select
          id="queue-service"
          label={t('staff.queue.service')}
          value={filters.service}
          onChange={set('service')}
        >
          <option value="">{all}</option>
          {facets?.services.map((s) => (
            <option key={s.code} value={s.code}>
              {counted(s.name, s.count)}
            </option>
          ))}
          {filters.service && !facets?.services.some((s) => s.code === filters.service) && (
            <option value={filters.service}>{filters.service}</option>
          )}
        </Select>
        <Select
          id="queue-district"
          label={t('staff.queue.district')}
          value={filters.district}
          onChange={set('district')}
        >
          <option value="">{all}</option>
          {facets?.districts.map((d) => (
            <option key={d.code} value={d.code}>
              {counted(d.name, d.count)}
            </option>
          ))}
        </Select>
        <Select id="queue-sla" label={t('staff.queue.sla')} value={filters.sla} onChange={set('sla')}>
          <option value="">{all}</option>
          {Object.entries(SLA_LABELS).map(([value, key]) => (
            <option key={value} value={value}>
              {counted(t(key), facets?.sla[value])}
            </option>
          ))}
        </Select>
        <Select id="queue-age" label={t('staff.queue.age')} value={filters.age} onChange={set('age')}>
          <option value="">{all}</option>
          {(['day', 'week', 'month', 'older'] as const).map((value) => (
            <option key={value} value={value}>
              {counted(t(`staff.queue.age.${value}`), facets?.age[value])}
            </option>
          ))}
        </Select>
        <Select id="queue-sort" label={t('staff.queue.sort')} value={filters.sort} onChange={set('sort')}>
          <option value="due">{t('staff.queue.sort.due')}</option>
          <option value="age">{t('staff.queue.sort.age')}</option>
          <option value="service">{t('staff.queue.sort.service')}</option>
        </Select>
      </div>
      {activeFilterCount(filters) > 0 && (
        <button
          type="button"
          className="secondary"
          onClick={() => onChange({ ...defaultFilters, sort: filters.sort })}
        >
          {t('staff.queue.clear')}
        </button>
      )}
    </form>
  );
}

function Select(props: {
  id: string;
  label: string;
  value: string;
  onChange(event: ChangeEvent<HTMLSelectElement>): void;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={props.onChange}>
        {props.children}
      </select>
    </div>
  );
}

const sum = (counts: Record<string, number> | undefined) =>
  counts ? Object.values(counts).reduce((a, b) => a + b, 0) : undefined;
