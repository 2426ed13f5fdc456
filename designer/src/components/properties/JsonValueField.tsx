/** One field edited as JSON (maps, lists, free values); applied whenever the text parses. */
import { useEffect, useState } from 'react';

type Props = { label: string; value: unknown; onChange(value: unknown): void };

export function JsonValueField({ label, value, onChange }: Props) {
  const shown = value === undefined ? '' : JSON.stringify(value, null, 1);
  const [text, setText] = useState(shown);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setText(shown), [shown]);
  return (
    <label className="field">
      <span>{label}</span>
      <textarea
        rows={Math.min(6, Math.max(2, text.split('\n').length))}
        value={text}
        placeholder='JSON, e.g. {"key": "value"}'
        onChange={(e) => {
          setText(e.target.value);
          try {
            onChange(e.target.value.trim() === '' ? undefined : JSON.parse(e.target.value));
            setError(null);
          } catch {
            setError('Not valid JSON yet');
          }
        }}
      />
      {error && <small className="error">{error}</small>}
    </label>
  );
}
