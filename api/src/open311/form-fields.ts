/**
 * Reads an Open311 `POST /requests` form body into the channel-independent intake shape.
 * `attribute[code]=v` is a single value; `attribute[code][]=a&attribute[code][]=b` a list.
 */
export interface Open311PostFields {
  fields: Record<string, string>;
  attributes: Record<string, string | string[]>;
}

const attributeKey = /^attribute\[([^\]]+)\](\[\])?$/;

/** Splits form pairs into plain fields and attributes; an empty value counts as absent (Open311). */
export function readOpen311PostFields(pairs: Iterable<[string, string]>): Open311PostFields {
  const fields: Record<string, string> = {};
  const attributes: Record<string, string | string[]> = {};
  for (const [key, raw] of pairs) {
    const value = raw.trim();
    const attribute = attributeKey.exec(key);
    if (attribute) {
      const code = attribute[1]!;
      if (attribute[2]) {
        const list = attributes[code];
        const values = Array.isArray(list) ? list : list === undefined ? [] : [list];
        if (value !== '') values.push(value);
        attributes[code] = values;
      } else if (value !== '') {
        attributes[code] = value;
      }
      continue;
    }
    if (value !== '') fields[key] = value;
  }
  return { fields, attributes };
}
