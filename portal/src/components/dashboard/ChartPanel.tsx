/** One dashboard view: heading, a chart (hidden from screen readers, which get the table), the table, a CSV link. */
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/use-i18n.js';

export function ChartPanel({
  id,
  title,
  note,
  chart,
  table,
  csv,
  wide = false,
}: {
  id: string;
  title: string;
  note?: string;
  chart: ReactNode;
  table: ReactNode;
  csv: string;
  /** The table has many columns: give it more of the width than the chart. */
  wide?: boolean;
}) {
  const { t } = useI18n();
  return (
    <section className="chart-panel card" aria-labelledby={`${id}-heading`}>
      <div className="chart-panel-head">
        <h2 id={`${id}-heading`}>{title}</h2>
        <a className="csv-link" href={csv} download>
          {t('dash.csv', { view: title })}
        </a>
      </div>
      {note && <p className="hint">{note}</p>}
      <div className={wide ? 'chart-pair wide' : 'chart-pair'}>
        <div className="chart" aria-hidden="true">
          {chart}
        </div>
        {table}
      </div>
    </section>
  );
}
