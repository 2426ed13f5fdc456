/** The attribute editor's form state, and its conversion to and from the catalogue's attribute definitions. */
import { isListDatatype, type AttributeDatatype, type AttributeDefinition } from '@civicdesk/schemas';

export interface AttributeDraft {
  code: string;
  description: string;
  datatype: AttributeDatatype;
  required: boolean;
  /** Choices of a list attribute, one `key = Name` a line. */
  valuesText: string;
}

export const blankAttribute = (): AttributeDraft => ({
  code: '',
  description: '',
  datatype: 'string',
  required: false,
  valuesText: '',
});

/** A stored definition as editor state. */
export function toAttributeDraft(a: AttributeDefinition): AttributeDraft {
  return {
    code: a.code,
    description: a.description,
    datatype: a.datatype,
    required: a.required,
    valuesText: (a.values ?? []).map((v) => `${v.key} = ${v.name}`).join('\n'),
  };
}

/** Editor state as definitions, ordered as shown; the server checks them and names any bad field. */
export function fromAttributeDrafts(drafts: readonly AttributeDraft[]) {
  return drafts.map((d, index) => ({
    variable: true,
    code: d.code.trim(),
    description: d.description.trim(),
    datatype: d.datatype,
    required: d.required,
    order: index + 1,
    ...(isListDatatype(d.datatype)
      ? {
          values: d.valuesText
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean)
            .map((line) => {
              const [key = '', ...name] = line.split('=');
              return { key: key.trim(), name: name.join('=').trim() || key.trim() };
            }),
        }
      : {}),
  }));
}
