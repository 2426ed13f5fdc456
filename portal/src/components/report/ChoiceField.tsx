/** A single- or multi-value list attribute as a group of radio buttons or checkboxes. */
import type { Open311Attribute } from '../../api/open311.js';
import { fieldId, hintId } from '../../model/field-id.js';
import { FieldMessages, fieldAria } from './FieldMessages.js';

interface Props {
  field: string;
  attribute: Open311Attribute;
  legend: string;
  hint: string;
  value: string | string[] | undefined;
  onChange(value: string | string[]): void;
  messages: readonly string[] | undefined;
}

export function ChoiceField({ field, attribute, legend, hint, value, onChange, messages }: Props) {
  const multiple = attribute.datatype === 'multivaluelist';
  const chosen = Array.isArray(value) ? value : value ? [value] : [];
  const id = fieldId(field);
  const toggle = (key: string, checked: boolean) => {
    if (!multiple) onChange(key);
    else onChange(checked ? [...chosen, key] : chosen.filter((k) => k !== key));
  };
  return (
    <fieldset
      id={id}
      className={messages?.length ? 'field choices invalid' : 'field choices'}
      tabIndex={-1}
      {...fieldAria(field, true, messages)}
    >
      <legend>{legend}</legend>
      <p id={hintId(field)} className="hint">
        {hint}
      </p>
      {attribute.values?.map((option, index) => (
        <label key={option.key} className="choice">
          <input
            id={index === 0 ? `${id}-first` : undefined}
            type={multiple ? 'checkbox' : 'radio'}
            name={field}
            value={option.key}
            checked={chosen.includes(option.key)}
            onChange={(e) => toggle(option.key, e.target.checked)}
          />
          {option.name}
        </label>
      ))}
      <FieldMessages field={field} messages={messages} />
    </fieldset>
  );
}
