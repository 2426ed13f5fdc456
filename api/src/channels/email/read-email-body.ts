/**
 * Reads a resident's email body: `Key: value` lines give the location (`Address: …`,
 * `Location: lat, long`), the service, contact details and attribute answers (`depth_cm: 12`,
 * `Location type: Road`); the remaining text is the description. Quoted replies and signatures are
 * left out, since they are not part of the report (and often hold contact details the public
 * description must not show).
 */
import { isListDatatype, type AttributeDefinition } from '@civicdesk/schemas';

export interface EmailBodyFields {
  service?: string;
  lat?: string;
  long?: string;
  address_string?: string;
  phone?: string;
  attributes: Record<string, string | string[]>;
  description?: string;
}

const keyLine = /^\s*([A-Za-z][A-Za-z0-9 _/-]{0,40}?)\s*:\s*(.+?)\s*$/;
const latLong = /^([-+]?\d{1,2}(?:\.\d+)?)\s*[,;\s]\s*([-+]?\d{1,3}(?:\.\d+)?)$/;
const addressKeys = new Set(['address', 'street_address', 'where']);
const locationKeys = new Set(['location', 'gps', 'coordinates', 'lat_long', 'lat/long']);

const normalise = (key: string) =>
  key
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/** Splits a plain-text body into intake fields, given the attributes of the matched service. */
export function readEmailBody(text: string, attributes: readonly AttributeDefinition[]): EmailBodyFields {
  const fields: EmailBodyFields = { attributes: {} };
  const descriptionLines: string[] = [];
  for (const line of ownLines(text)) {
    const match = keyLine.exec(line);
    const key = match ? normalise(match[1]!) : '';
    const value = match?.[2] ?? '';
    const attribute = match ? attributes.find((a) => a.code.toLowerCase() === key) : undefined;
    if (addressKeys.has(key)) fields.address_string = value;
    else if (locationKeys.has(key)) readLocation(value, fields);
    else if (key === 'service') fields.service = value;
    else if (key === 'phone') fields.phone = value;
    else if (attribute) fields.attributes[attribute.code] = attributeAnswer(attribute, value);
    else descriptionLines.push(line);
  }
  const description = descriptionLines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (description) fields.description = description;
  return fields;
}

/** `lat, long` as a point; anything else is read as an address. */
function readLocation(value: string, fields: EmailBodyFields) {
  const point = latLong.exec(value);
  if (point) {
    fields.lat = point[1];
    fields.long = point[2];
  } else fields.address_string = value;
}

/** A list answer may use the choice's key or its name; several answers are comma-separated. */
function attributeAnswer(attribute: AttributeDefinition, value: string): string | string[] {
  if (!isListDatatype(attribute.datatype)) return value;
  const pick = (text: string) => {
    const wanted = normalise(text);
    const choice = attribute.values?.find((v) => normalise(v.key) === wanted || normalise(v.name) === wanted);
    return choice?.key ?? text.trim();
  };
  return attribute.datatype === 'multivaluelist' ? value.split(',').map(pick) : pick(value);
}

/** The resident's own lines: no quoted reply, no signature, no "On … wrote:" header. */
function ownLines(text: string): string[] {
  const lines: string[] = [];
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (/^-- ?$/.test(line) || /^On .+ wrote:$/.test(line.trim())) break;
    if (line.trimStart().startsWith('>')) continue;
    lines.push(line.trimEnd());
  }
  return lines;
}
