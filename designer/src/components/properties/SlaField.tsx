/** How long staff have: a calendar duration (ISO 8601, e.g. P3D) or business days / hours of the city. */
import type { Sla } from '@civicdesk/schemas';

type Unit = 'none' | 'duration' | 'business_days' | 'business_hours';
type Props = { value: Sla | undefined; onChange(value: Sla | undefined): void };

function unitOf(value: Sla | undefined): Unit {
  if (value === undefined) return 'none';
  if (typeof value === 'string') return 'duration';
  return 'business_days' in value ? 'business_days' : 'business_hours';
}

function amountOf(value: Sla | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return String('business_days' in value ? value.business_days : value.business_hours);
}

function build(unit: Unit, amount: string): Sla | undefined {
  if (unit === 'none') return undefined;
  if (unit === 'duration') return amount;
  const count = Number.parseInt(amount, 10) || 1;
  return unit === 'business_days' ? { business_days: count } : { business_hours: count };
}

export function SlaField({ value, onChange }: Props) {
  const unit = unitOf(value);
  return (
    <fieldset className="sla">
      <legend>SLA</legend>
      <div className="row">
        <select
          aria-label="SLA kind"
          value={unit}
          onChange={(e) =>
            onChange(build(e.target.value as Unit, e.target.value === 'duration' ? 'P3D' : '3'))
          }
        >
          <option value="none">no deadline</option>
          <option value="duration">calendar time</option>
          <option value="business_days">business days</option>
          <option value="business_hours">business hours</option>
        </select>
        {unit !== 'none' && (
          <input
            aria-label="SLA"
            value={amountOf(value)}
            onChange={(e) => onChange(build(unit, e.target.value))}
          />
        )}
      </div>
      {unit === 'duration' && <small className="hint">ISO 8601: P3D = 3 days, PT4H = 4 hours</small>}
    </fieldset>
  );
}
