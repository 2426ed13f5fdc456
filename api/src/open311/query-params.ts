/**
 * Reads an Open311 query string liberally: empty values count as absent, list parameters may come
 * as a comma list or repeated (`status=open&status=closed`), and a scalar sent twice with the same
 * value is fine. What cannot be read safely (a scalar sent twice with different values, control
 * characters that no stored text contains) is refused with a message naming the parameter.
 */

/** Parameters that hold comma lists, so repeating them adds to the list. */
const listParameters = new Set(['service_request_id', 'service_code', 'status']);

// Control characters are exactly what this pattern is for (tab, CR and LF are fine).
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** True when a text holds characters no Open311 value may contain (PostgreSQL refuses NUL). */
export const hasControlCharacters = (text: string) => controlCharacters.test(text);

export type QueryRead = { ok: true; values: Record<string, string> } | { ok: false; errors: string[] };

/** The query parameters of a URL, one value each, or the errors that stop reading them. */
export function readQueryParams(url: string): QueryRead {
  const search = new URL(url).searchParams;
  const values: Record<string, string> = {};
  const errors: string[] = [];
  for (const name of new Set(search.keys())) {
    const sent = search
      .getAll(name)
      .map((v) => v.trim())
      .filter((v) => v !== '');
    if (sent.length === 0) continue;
    if (sent.some(hasControlCharacters) || hasControlCharacters(name)) {
      errors.push(`${safeName(name)}: contains control characters; send plain text.`);
      continue;
    }
    const distinct = [...new Set(sent)];
    if (listParameters.has(name)) values[name] = distinct.join(',');
    else if (distinct.length === 1) values[name] = distinct[0]!;
    else errors.push(`${safeName(name)}: sent ${sent.length} times with different values; send it once.`);
  }
  return errors.length ? { ok: false, errors } : { ok: true, values };
}

/** A parameter name as it can be quoted back safely in a message. */
function safeName(name: string) {
  // eslint-disable-next-line no-control-regex
  const clean = name.replace(/[\u0000-\u001F\u007F]/g, '?');
  return clean.length > 60 ? `${clean.slice(0, 60)}…` : clean;
}
