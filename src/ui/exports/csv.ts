/** CSV (RFC 4180): fields joined by commas, lines ended by CRLF; a field with a comma, quote or line break is quoted. */

const NEEDS_QUOTES = /[",\r\n]/;

/** One field: a number as it is (NaN and infinities as an empty cell), text quoted where needed. */
export function csvField(value: string | number): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function csvLine(values: readonly (string | number)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
