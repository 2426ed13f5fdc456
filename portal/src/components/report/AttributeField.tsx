/** One question of the service definition, drawn by its Open311 datatype. */
import type { Open311Attribute } from '../../api/open311.js';
import { useI18n } from '../../i18n/use-i18n.js';
import type { MessageKey } from '../../i18n/messages.js';
import { ChoiceField } from './ChoiceField.js';
import { TextField } from './TextField.js';

interface Props {
  attribute: Open311Attribute;
  value: string | string[] | undefined;
  onChange(value: string | string[]): void;
  messages: readonly string[] | undefined;
}

export function AttributeField({ attribute, value, onChange, messages }: Props) {
  const { t } = useI18n();
  const field = `attribute[${attribute.code}]`;
  const datatypeHint = t(`report.datatype.${attribute.datatype}` as MessageKey);
  // The date picker already takes care of the format (and we add the time zone), so the city's
  // format description, written for API clients, would only confuse there.
  const hint =
    attribute.datatype_description && attribute.datatype !== 'datetime'
      ? `${datatypeHint}. ${attribute.datatype_description}`
      : datatypeHint;
  const label = attribute.required
    ? `${attribute.description} (${t('common.required')})`
    : attribute.description;
  if (attribute.datatype === 'singlevaluelist' || attribute.datatype === 'multivaluelist') {
    return (
      <ChoiceField
        field={field}
        attribute={attribute}
        legend={label}
        hint={hint}
        value={value}
        onChange={onChange}
        messages={messages}
      />
    );
  }
  const text = typeof value === 'string' ? value : '';
  return (
    <TextField
      field={field}
      label={label}
      hint={hint}
      value={text}
      onChange={onChange}
      messages={messages}
      required={attribute.required}
      multiline={attribute.datatype === 'text'}
      type={attribute.datatype === 'datetime' ? 'datetime-local' : 'text'}
      inputMode={attribute.datatype === 'number' ? 'decimal' : undefined}
    />
  );
}
