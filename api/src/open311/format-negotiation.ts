/**
 * Open311 picks the format by path suffix: `/services.xml`, `/requests/12.json`.
 * Rendering both formats from one value keeps them in step.
 */
import type { Context } from 'hono';
import { toOpen311Xml, type XmlValue } from './xml.js';

export type Open311Format = 'json' | 'xml';

/** Splits `12.json` into `{ name: '12', format: 'json' }`; null when the suffix is missing or unknown. */
export function splitFormat(file: string): { name: string; format: Open311Format } | null {
  const match = /^(.*)\.(json|xml)$/i.exec(file);
  if (!match) return null;
  return { name: match[1]!, format: match[2]!.toLowerCase() as Open311Format };
}

/**
 * Sends an Open311 body. `root` is the XML wrapper element that JSON drops; XML list roots such as
 * `services` repeat their item element for each array entry.
 */
export function sendOpen311(c: Context, format: Open311Format, root: string, value: XmlValue, status = 200) {
  if (format === 'xml') {
    return c.body(toOpen311Xml(root, value), status as 200, { 'Content-Type': 'text/xml; charset=utf-8' });
  }
  return c.body(JSON.stringify(value), status as 200, { 'Content-Type': 'application/json; charset=utf-8' });
}

/** An Open311 error body: several errors may travel together, each shown to the end user. */
export function sendOpen311Errors(
  c: Context,
  format: Open311Format,
  status: 400 | 403 | 404 | 405 | 413 | 429 | 500 | 507,
  descriptions: string[],
) {
  const errors = descriptions.map((description) => ({ code: status, description }));
  return sendOpen311(c, format, 'errors', errors, status);
}
