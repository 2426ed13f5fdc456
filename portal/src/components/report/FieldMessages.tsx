/** The server's messages for one field, placed right under it and referenced by aria-describedby. */
import { errorId, hintId } from '../../model/field-id.js';

export function FieldMessages({
  field,
  messages,
}: {
  field: string;
  messages: readonly string[] | undefined;
}) {
  if (!messages?.length) return null;
  return (
    <div id={errorId(field)} className="field-error">
      {messages.map((m) => (
        <p key={m}>{m}</p>
      ))}
    </div>
  );
}

/** The aria attributes tying a control to its hint and its error messages. */
export function fieldAria(
  field: string,
  hasHint: boolean,
  messages: readonly string[] | undefined,
  shared?: string,
) {
  const ids = [shared ?? '', hasHint ? hintId(field) : '', messages?.length ? errorId(field) : '']
    .filter(Boolean)
    .join(' ');
  return {
    'aria-invalid': messages?.length ? (true as const) : undefined,
    'aria-describedby': ids || undefined,
  };
}
