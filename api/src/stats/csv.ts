/** RFC 4180 CSV: fields with a comma, quote or line break are quoted, quotes doubled, CRLF line ends. */
export type CsvValue = string | number | null;

/** One CSV document from a header row and data rows. */
export function toCsv(columns: string[], rows: CsvValue[][]): string {
  const field = (v: CsvValue) => {
    const s = v === null ? '' : String(v);
    // A leading = + - @ would run as a formula in spreadsheets; a quote-tab prefix defuses it.
    const safe = /^[=+\-@]/.test(s) && typeof v === 'string' ? `'${s}` : s;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return [columns, ...rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}
