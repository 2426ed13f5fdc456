/** The dashboard's Recharts charts: bars over time, bars per breakdown value, and stacked age buckets. */
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface Series {
  key: string;
  label: string;
  color: string;
  /** Bars of series sharing a stack id sit on top of each other. */
  stack?: string;
}

/** Colours with enough contrast on white, told apart by more than hue (legend labels too). */
export const palette = {
  opened: '#0b4f8a',
  closed: '#2e8540',
  median: '#0b4f8a',
  p90: '#b35c00',
  share: '#2e8540',
  ages: ['#9ecae1', '#4292c6', '#08519c', '#08306b'],
};

/** Vertical bars along a category axis (periods, or breakdown values when `horizontal`). */
export function BarsChart<Row extends object>({
  data,
  category,
  series,
  horizontal = false,
  format,
}: {
  data: Row[];
  category: string;
  series: Series[];
  horizontal?: boolean;
  format?: (v: number) => string;
}) {
  const height = horizontal ? Math.max(180, 34 * data.length + 60) : 260;
  const tick = (v: unknown) => (format && typeof v === 'number' ? format(v) : String(v));
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart
        data={data}
        layout={horizontal ? 'vertical' : 'horizontal'}
        accessibilityLayer={false}
        margin={{ top: 8, right: 16, left: 0, bottom: 0 }}
      >
        <CartesianGrid strokeDasharray="3 3" stroke="#d5dbe1" />
        {horizontal ? (
          <>
            <XAxis type="number" tickFormatter={tick} fontSize={12} />
            <YAxis type="category" dataKey={category} width={120} fontSize={12} interval={0} />
          </>
        ) : (
          <>
            <XAxis dataKey={category} fontSize={12} minTickGap={16} />
            <YAxis allowDecimals={false} tickFormatter={tick} fontSize={12} width={48} />
          </>
        )}
        <Tooltip formatter={(v) => (typeof v === 'number' ? tick(v) : String(v))} />
        <Legend wrapperStyle={{ fontSize: 13 }} itemSorter={null} />
        {series.map((s) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.label}
            fill={s.color}
            isAnimationActive={false}
            {...(s.stack ? { stackId: s.stack } : {})}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
