/**
 * Open311 XML: `<?xml version="1.0" encoding="utf-8"?>`, no namespace, repeated elements for lists.
 * JSON mirrors it with the wrapper dropped, so both are rendered from the same plain values.
 * @see ../../../../shared/OPEN311.md "General rules"
 */
export type XmlValue =
  string | number | boolean | null | undefined | XmlValue[] | { [key: string]: XmlValue };

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

// Control characters are exactly what this pattern is for.
// eslint-disable-next-line no-control-regex
const notXmlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Escapes text for XML and drops characters XML 1.0 cannot carry. */
export function escapeXml(text: string): string {
  return text.replace(notXmlCharacters, '').replace(/[&<>"']/g, (c) => escapes[c]!);
}

function element(name: string, value: XmlValue, itemName: (listName: string) => string): string {
  if (value === undefined) return '';
  if (value === null) return `<${name}></${name}>`;
  if (Array.isArray(value)) {
    const child = itemName(name);
    return `<${name}>${value.map((v) => element(child, v, itemName)).join('')}</${name}>`;
  }
  if (typeof value === 'object') {
    const inner = Object.entries(value)
      .map(([k, v]) => element(k, v, itemName))
      .join('');
    return `<${name}>${inner}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** Child element names for Open311's lists: `<services><service>`, `<attributes><attribute>`, … */
const listItemNames: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  attributes: 'attribute',
  values: 'value',
  errors: 'error',
  endpoints: 'endpoint',
  formats: 'format',
  notes: 'note',
  photos: 'photo',
  service_request_updates: 'request_update',
  service_requests_updates: 'request_update',
};

/** Renders an Open311 document: a root element holding plain values. */
export function toOpen311Xml(root: string, value: XmlValue): string {
  const itemName = (list: string) => listItemNames[list] ?? 'item';
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value, itemName)}`;
}
