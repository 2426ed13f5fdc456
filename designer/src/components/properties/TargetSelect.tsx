/** "Leads to": wires an exit from the keyboard, the same edit as drawing the wire on the canvas. */
import { memo } from 'react';

type Props = { label: string; value: string | undefined; targets: string[]; onChange(target: string): void };

function TargetSelectView({ label, value, targets, onChange }: Props) {
  return (
    <label className="field target">
      <span>{label}</span>
      <select aria-label={label} value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
        <option value="">— not connected —</option>
        {value && !targets.includes(value) && <option value={value}>{value} (missing)</option>}
        {targets.map((id) => (
          <option key={id} value={id}>
            {id}
          </option>
        ))}
      </select>
    </label>
  );
}

export const TargetSelect = memo(TargetSelectView);
