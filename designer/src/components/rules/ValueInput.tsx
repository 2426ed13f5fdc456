/** The value side of a condition: a number box, a choice list, several choices, or text. */
import type { Fact } from '../../model/fact-catalogue.js';

type Props = { fact: Fact; list: boolean; value: unknown; onChange(value: unknown): void; label?: string };

export function ValueInput({ fact, list, value, onChange, label = 'Value' }: Props) {
  if (fact.choices && list) {
    const picked = Array.isArray(value) ? value : [];
    return (
      <span className="choices" role="group" aria-label={label}>
        {fact.choices.map((c) => (
          <label key={c.key}>
            <input
              type="checkbox"
              checked={picked.includes(c.key)}
              onChange={(e) =>
                onChange(e.target.checked ? [...picked, c.key] : picked.filter((k) => k !== c.key))
              }
            />
            {c.name}
          </label>
        ))}
      </span>
    );
  }
  if (fact.choices) {
    return (
      <select aria-label={label} value={String(value ?? '')} onChange={(e) => onChange(e.target.value)}>
        {!fact.choices.some((c) => c.key === value) && (
          <option value={String(value ?? '')}>{String(value ?? '— choose —')}</option>
        )}
        {fact.choices.map((c) => (
          <option key={c.key} value={c.key}>
            {c.name}
          </option>
        ))}
      </select>
    );
  }
  if (fact.type === 'number' && !list) {
    return (
      <span className="number">
        <input
          aria-label={label}
          type="number"
          value={typeof value === 'number' ? value : ''}
          onChange={(e) => onChange(e.target.value === '' ? '' : Number(e.target.value))}
        />
        {fact.unit}
      </span>
    );
  }
  const text = Array.isArray(value) ? value.join(', ') : String(value ?? '');
  return (
    <input
      aria-label={label}
      value={text}
      placeholder={list ? 'a, b, c' : ''}
      onChange={(e) =>
        onChange(
          list
            ? e.target.value
                .split(',')
                .map((s) => s.trim())
                .filter(Boolean)
            : e.target.value,
        )
      }
    />
  );
}
