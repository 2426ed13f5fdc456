/** Small labelled form controls the property panels share. */
import { useEffect, useState, type ReactNode } from 'react';

type TextProps = {
  label: string;
  value: string;
  onChange(value: string): void;
  hint?: string;
  multiline?: boolean;
  placeholder?: string;
};

export function TextField({ label, value, onChange, hint, multiline, placeholder }: TextProps) {
  return (
    <label className="field">
      <span>{label}</span>
      {multiline ? (
        <textarea
          aria-label={label}
          value={value}
          rows={3}
          placeholder={placeholder}
          onChange={(e) => onChange(e.target.value)}
        />
      ) : (
        <input
          aria-label={label}
          value={value}
          placeholder={placeholder}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      {hint && <small>{hint}</small>}
    </label>
  );
}

type SelectProps = {
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange(value: string): void;
  children?: ReactNode;
};

export function SelectField({ label, value, options, onChange }: SelectProps) {
  const known = options.some((o) => o.value === value);
  return (
    <label className="field">
      <span>{label}</span>
      <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
        {!known && <option value={value}>{value === '' ? '— choose —' : `${value} (unknown)`}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A text box that commits on Enter or leaving the field (renames must not fire per keystroke). */
export function CommitField(props: {
  label: string;
  value: string;
  onCommit(value: string): void;
  hint?: string;
  check?(value: string): string | null;
}) {
  const { label, value, onCommit, hint, check } = props;
  const [text, setText] = useState(value);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setText(value), [value]);
  const commit = () => {
    if (text === value) return setError(null);
    const problem = check?.(text) ?? null;
    setError(problem);
    if (!problem) onCommit(text);
  };
  return (
    <label className="field">
      <span>{label}</span>
      <input
        aria-label={label}
        value={text}
        aria-invalid={error !== null}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
      {error ? <small className="error">{error}</small> : hint && <small>{hint}</small>}
    </label>
  );
}
