/** The questions a service asks: add, edit, reorder by position, remove; list datatypes take choices. */
import { attributeDatatype, isListDatatype } from '@civicdesk/schemas';
import { useI18n } from '../../i18n/use-i18n.js';
import type { MessageKey } from '../../i18n/messages.js';
import { TextField } from '../report/TextField.js';
import { blankAttribute, type AttributeDraft } from './attribute-draft.js';

interface Props {
  attributes: AttributeDraft[];
  onChange(attributes: AttributeDraft[]): void;
  messagesFor(field: string): string[];
}

export function AttributeEditor({ attributes, onChange, messagesFor }: Props) {
  const { t } = useI18n();
  const update = (index: number, patch: Partial<AttributeDraft>) =>
    onChange(attributes.map((a, i) => (i === index ? { ...a, ...patch } : a)));
  return (
    <fieldset className="field">
      <legend>{t('admin.services.attributes')}</legend>
      <p className="hint">{t('admin.services.attributesHint')}</p>
      {attributes.map((a, i) => {
        const at = `attributes[${i}]`;
        return (
          <fieldset className="attribute" key={i}>
            <legend>{t('admin.services.attribute', { n: i + 1 })}</legend>
            <div className="admin-row">
              <TextField
                field={`${at}.code`}
                label={t('admin.field.code')}
                value={a.code}
                onChange={(code) => update(i, { code })}
                messages={messagesFor(`${at}.code`)}
                required
              />
              <div className="field">
                <label htmlFor={`${at}-datatype`}>{t('admin.services.datatype')}</label>
                <select
                  id={`${at}-datatype`}
                  value={a.datatype}
                  onChange={(e) => update(i, { datatype: e.target.value as AttributeDraft['datatype'] })}
                >
                  {attributeDatatype.options.map((d) => (
                    <option key={d} value={d}>
                      {t(`report.datatype.${d}` as MessageKey)}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <TextField
              field={`${at}.description`}
              label={t('admin.services.question')}
              value={a.description}
              onChange={(description) => update(i, { description })}
              messages={messagesFor(`${at}.description`)}
              required
            />
            {isListDatatype(a.datatype) && (
              <TextField
                field={`${at}.values`}
                label={t('admin.services.choices')}
                hint={t('admin.services.choicesHint')}
                multiline
                value={a.valuesText}
                onChange={(valuesText) => update(i, { valuesText })}
                messages={messagesFor(`${at}.values`)}
              />
            )}
            <label className="choice">
              <input
                type="checkbox"
                checked={a.required}
                onChange={(e) => update(i, { required: e.target.checked })}
              />{' '}
              {t('admin.services.requiredAnswer')}
            </label>
            <button
              type="button"
              className="secondary"
              onClick={() => onChange(attributes.filter((_, j) => j !== i))}
            >
              {t('admin.services.removeAttribute', { n: i + 1 })}
            </button>
          </fieldset>
        );
      })}
      <button type="button" className="secondary" onClick={() => onChange([...attributes, blankAttribute()])}>
        {t('admin.services.addAttribute')}
      </button>
    </fieldset>
  );
}
