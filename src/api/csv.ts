/**
 * CSV as spreadsheets read it (RFC 4180): cells with a comma, quote, CR or LF are quoted, quotes doubled,
 * lines end with CRLF. A cell that a spreadsheet would take for a formula (it starts with =, +, -, @, a tab
 * or a CR) gets a leading apostrophe, so an exported shop record can never run as a formula.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
