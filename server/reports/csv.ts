/**
 * Pure: RFC 4180 CSV. Fields holding a comma, a double quote, CR or LF are quoted and their
 * quotes doubled; records end with CRLF. A field that a spreadsheet would run as a formula
 * (starting with = + - @ or a tab) gets a leading apostrophe (OWASP "CSV injection"): shoppers
 * choose part of what goes into the ledger, and ops open it in a spreadsheet.
 *
 * @example toCsv([['a', 'b'], ['1, 2', 'say "hi"']]) // → 'a,b\r\n"1, 2","say ""hi"""\r\n'
 */

const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field as CSV text. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? String(value) : FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Records (the first is usually the header) as one CSV document. */
export function toCsv(records: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>): string {
  return records.map((record) => `${record.map(csvField).join(',')}\r\n`).join('');
}
