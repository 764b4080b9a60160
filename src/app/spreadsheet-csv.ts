/**
 * CSV that is safe to open in Excel or Google Sheets: a cell starting with = + - @, a tab or a carriage return
 * would run as a formula (CSV injection), so it gets a leading apostrophe; quotes are doubled (RFC 4180).
 * Numbers are written as they are, so a negative spend stays a number.
 *
 * @example
 * spreadsheetCsv([['id', 'name'], ['1', '=HYPERLINK("x")']]); // 'id,name\r\n1,"\'=HYPERLINK(""x"")"\r\n'
 */
export function spreadsheetCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
