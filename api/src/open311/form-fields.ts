/**
 * Reads an Open311 `POST /requests` form body into the channel-independent intake shape.
 * `attribute[code]=v` is a single value; `attribute[code][]=a&attribute[code][]=b` a list.
 * Empty values count as absent; a plain field sent twice with different values, or any value with
 * control characters, is refused with a message naming the field.
 */
import { hasControlCharacters } from './query-params.js';

export interface Open311PostFields {
  fields: Record<string, string>;
  attributes: Record<string, string | string[]>;
  /** Problems that stop the form being read, each naming its field. */
  errors: string[];
}

const attributeKey = /^attribute\[([^\]]+)\](\[\])?$/;

/** Splits form pairs into plain fields and attributes. */
export function readOpen311PostFields(pairs: Iterable<[string, string]>): Open311PostFields {
  // Maps, then Object.fromEntries: keys such as `__proto__` stay plain data, never prototypes.
  const fields = new Map<string, string>();
  const attributes = new Map<string, string | string[]>();
  const errors = new Set<string>();
  for (const [key, raw] of pairs) {
    const value = raw.trim();
    if (hasControlCharacters(key) || hasControlCharacters(value)) {
      errors.add(`${printable(key)}: contains control characters; send plain text.`);
      continue;
    }
    const attribute = attributeKey.exec(key);
    if (attribute) {
      const code = attribute[1]!;
      if (code === '__proto__') {
        // Validation would drop it silently; no service can ask a question by that code.
        errors.add(`${key}: no service asks this question; remove it.`);
        continue;
      }
      const previous = attributes.get(code);
      if (attribute[2]) {
        const values = Array.isArray(previous) ? previous : previous === undefined ? [] : [previous];
        if (value !== '') values.push(value);
        attributes.set(code, values);
      } else if (value !== '') {
        if (typeof previous === 'string' && previous !== value) errors.add(sentTwice(key));
        attributes.set(code, value);
      }
      continue;
    }
    if (value === '') continue;
    const previous = fields.get(key);
    if (previous !== undefined && previous !== value) errors.add(sentTwice(key));
    fields.set(key, value);
  }
  return {
    fields: Object.fromEntries(fields),
    attributes: Object.fromEntries(attributes),
    errors: [...errors],
  };
}

const sentTwice = (key: string) =>
  `${printable(key)}: sent twice with different values; send it once (attribute[code][]=… for several answers).`;

/** A field name as it can be quoted back safely. */
function printable(key: string) {
  // eslint-disable-next-line no-control-regex
  const clean = key.replace(/[\u0000-\u001F\u007F]/g, '?');
  return clean.length > 60 ? `${clean.slice(0, 60)}…` : clean;
}
