/** A labelled text input or textarea with its hint and the server's messages. */
import { fieldId, hintId } from '../../model/field-id.js';
import { FieldMessages, fieldAria } from './FieldMessages.js';

interface Props {
  field: string;
  label: string;
  hint?: string;
  value: string;
  onChange(value: string): void;
  messages: readonly string[] | undefined;
  multiline?: boolean;
  type?: 'text' | 'email' | 'tel' | 'number' | 'datetime-local';
  inputMode?: 'decimal' | 'numeric' | 'text';
  required?: boolean;
  requiredMark?: string;
  autoComplete?: string;
  /** Ids of further hints shared with other fields. */
  describedBy?: string;
}

export function TextField(props: Props) {
  const { field, label, hint, value, onChange, messages, multiline, required, requiredMark } = props;
  const id = fieldId(field);
  const common = {
    id,
    name: field,
    value,
    required,
    autoComplete: props.autoComplete,
    onChange: (e: { target: { value: string } }) => onChange(e.target.value),
    ...fieldAria(field, !!hint, messages, props.describedBy),
  };
  return (
    <div className={messages?.length ? 'field invalid' : 'field'}>
      <label htmlFor={id}>
        {label}
        {required && requiredMark && <span className="required"> ({requiredMark})</span>}
      </label>
      {hint && (
        <p id={hintId(field)} className="hint">
          {hint}
        </p>
      )}
      {multiline ? (
        <textarea rows={4} {...common} />
      ) : (
        <input type={props.type ?? 'text'} inputMode={props.inputMode} {...common} />
      )}
      <FieldMessages field={field} messages={messages} />
    </div>
  );
}
