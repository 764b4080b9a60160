/**
 * CSV that is safe to open in Excel or Google Sheets: a cell starting with = + - @, a tab or a carriage return
 * would run as a formula (CSV injection), so it gets a leading apostrophe, unless it is only a signed number
 * (WhatsApp shops key customers by phone number); quotes are doubled (RFC 4180).
 * Numbers are written as they are, so a negative spend stays a number.
 *
 * @example
 * spreadsheetCsv([['id', 'name'], ['1', '=HYPERLINK("x")']]); // 'id,name\r\n1,"\'=HYPERLINK(""x"")"\r\n'
 */
export function spreadsheetCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** A phone-number-like id (`+6281234567`, `-12`) runs as nothing in a spreadsheet, so it is left as written. */
const NUMBER_LIKE = /^[+-]?\d[\d\s().]*$/;

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) && !NUMBER_LIKE.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
