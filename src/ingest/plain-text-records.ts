import type { Dialect, TextRecord } from './csv.js';
import { trimToWidth } from './header.js';
import { countChar, lineBreakChar } from './line-breaks.js';

const QUOTE = 34;

/**
 * The data records of a text that countPlainRecords accepted, cut with `indexOf` instead of papaparse: the same
 * records (cells, lines, blank lines skipped, empty cells past the header's width dropped) as parseRecords and
 * dataRecords give for plain text, where every quote opens a field and closes it before a delimiter, a line break
 * or the end. Only for such text: anything else must go through parseRecords, which words quote problems.
 *
 * Cost: O(n), one string per cell.
 */
export function* plainRecords(text: string, dialect: Dialect, headerLine: number, width: number): Generator<TextRecord> {
  const { delimiter, lineBreak } = dialect;
  const breakChar = lineBreakChar(lineBreak);
  // As in countPlainRecords: a lone LF can sit in an unquoted cell of a CRLF file.
  const unquotedCellsHoldBreaks = lineBreak.length > 1;
  const end = text.length;
  let nextDelimiter = text.indexOf(delimiter);
  let nextBreak = text.indexOf(lineBreak);
  let pos = 0;
  let line = 1;

  while (pos < end) {
    const recordStart = pos;
    let breaksInCells = 0;
    const cells: string[] = [];
    for (;;) {
      if (text.charCodeAt(pos) === QUOTE) {
        let closing = text.indexOf('"', pos + 1);
        let escaped = false;
        while (text.charCodeAt(closing + 1) === QUOTE) {
          escaped = true;
          closing = text.indexOf('"', closing + 2);
        }
        const value = text.slice(pos + 1, closing);
        cells.push(escaped ? value.replaceAll('""', '"') : value);
        if (!unquotedCellsHoldBreaks) breaksInCells += countChar(text, breakChar, pos, closing);
        pos = closing + 1;
        if (nextDelimiter !== -1 && nextDelimiter < pos) nextDelimiter = text.indexOf(delimiter, pos);
        if (nextBreak !== -1 && nextBreak < pos) nextBreak = text.indexOf(lineBreak, pos);
      } else {
        const fieldEnd = Math.min(nextDelimiter === -1 ? end : nextDelimiter, nextBreak === -1 ? end : nextBreak);
        cells.push(text.slice(pos, fieldEnd));
        pos = fieldEnd;
      }
      if (pos < end && pos === nextDelimiter) {
        pos += delimiter.length;
        nextDelimiter = text.indexOf(delimiter, pos);
        continue;
      }
      break;
    }
    if (unquotedCellsHoldBreaks) breaksInCells = countChar(text, breakChar, recordStart, pos);
    const recordLine = line;
    line += 1 + breaksInCells;
    if (pos < end) {
      pos += lineBreak.length;
      nextBreak = text.indexOf(lineBreak, pos);
    }
    if (recordLine <= headerLine || (cells.length === 1 && cells[0]!.trim() === '')) continue;
    yield { line: recordLine, cells: trimToWidth(cells, width) };
  }
}
