import type { Dialect } from './csv.js';
import { assertFitsInString, decodeTextStream, guessedTextStream, NotUtf8 } from './decode.js';
import { detectDelimiter } from './delimiter.js';
import { sniffMarkup } from './sniff.js';
import { preferredDelimiter, readTextTable, tableOf, type TableText } from './text-table.js';
import { surveyText, TextSurveyor } from './text-survey.js';
import { recordWindows, WINDOW_CHARS } from './text-windows.js';
import { IngestError, type IngestLimits, type RawTable } from './types.js';

/** Leading characters surveyed for sniffMarkup and detectDelimiter: more than either reads (256 and 64 K). */
const START_CHARS = 128 * 1024;

/**
 * readTextTable for a text's bytes read in chunks: the same table, without ever holding the whole text when its
 * line breaks are uniform and it has a delimiter or a quote, which is every export seen so far. Each pass (the
 * header's first lines, the caps check, each iteration of `records`) reads the bytes again, which for a .csv.gz means
 * inflating them again: about 0.3 s of CPU per pass over Online Retail's 48 MB, against holding the text, and before
 * it the inflated bytes, at once (+1.1 s wall and 200 MB less peak RSS for the year twice over). A text with mixed
 * line breaks or no delimiter at all is joined and read by readTextTable, whose rewriting of breaks and reading of
 * aligned columns need it whole. `windowChars` exists so tests can put window boundaries everywhere.
 *
 * Cost: O(n) per pass, two full passes for a table and one per iteration of `records`; memory O(window).
 */
export function readTextStream(
  open: () => Iterable<Uint8Array>,
  fileName: string,
  limits: IngestLimits,
  columnNames?: readonly string[],
  windowChars = WINDOW_CHARS,
): Omit<RawTable, 'container'> {
  return readSurveyingWhileCounting(open, fileName, limits, columnNames, windowChars) ?? readSurveyed(open, fileName, limits, columnNames, windowChars);
}

/**
 * The usual text read with one pass fewer: the dialect guessed from the text's start (as the survey would choose it
 * when the rest agrees), the encoding guessed UTF-8, and both checked by surveying the text during the caps check,
 * which reads all of it anyway. Undefined when the survey disagrees or anything is refused: readSurveyed then reads
 * the text the long way, so the table, and any refusal and its order, are those of the whole text.
 */
function readSurveyingWhileCounting(
  open: () => Iterable<Uint8Array>,
  fileName: string,
  limits: IngestLimits,
  columnNames: readonly string[] | undefined,
  windowChars: number,
): Omit<RawTable, 'container'> | undefined {
  const { stream, checkedChunks } = guessedTextStream(open);
  const start = firstChars(stream.chunks(), START_CHARS);
  const guess = surveyText([start], START_CHARS);
  if (guess.lineBreak === 'mixed' || !guess.hasDelimiterOrQuote || guess.hasNul || sniffMarkup(start)) return undefined;
  const dialect: Dialect = { delimiter: detectDelimiter(start, guess.lineBreak, preferredDelimiter(fileName)), lineBreak: guess.lineBreak };

  // Every pass made while the table is checked is surveyed; the last one started is the one that read the whole text.
  let checking = true;
  let last: { surveyor: TextSurveyor; complete: boolean } | undefined;
  function* surveyed(): Generator<string> {
    const pass = { surveyor: new TextSurveyor(START_CHARS), complete: false };
    last = pass;
    for (const piece of checkedChunks()) {
      pass.surveyor.see(piece);
      yield piece;
    }
    pass.complete = true;
  }
  const pieces = () => (checking ? surveyed() : stream.chunks());
  let table: Omit<RawTable, 'container'>;
  try {
    table = tableOf({ pieces, windows: () => recordWindows(pieces(), dialect, windowChars) }, dialect, false, stream.encoding, limits, columnNames);
  } catch (error) {
    if (error instanceof IngestError || error instanceof NotUtf8) return undefined;
    throw error;
  } finally {
    checking = false;
  }
  if (!last?.complete) return undefined;
  const survey = last.surveyor.result();
  const agrees = survey.lineBreak === dialect.lineBreak && survey.hasNonSpace && !survey.hasNul && survey.hasDelimiterOrQuote;
  return agrees ? table : undefined;
}

/** readTextStream the long way: a pass to survey the text (and settle its encoding) before reading it. */
function readSurveyed(
  open: () => Iterable<Uint8Array>,
  fileName: string,
  limits: IngestLimits,
  columnNames: readonly string[] | undefined,
  windowChars: number,
): Omit<RawTable, 'container'> {
  const { stream, visited: survey } = decodeTextStream(open, (chunks) => surveyText(chunks, START_CHARS));
  if (!survey.hasNonSpace) throw new IngestError('file_empty', {});
  if (survey.hasNul) throw new IngestError('not_a_table', { detected: 'binary' });
  const markup = sniffMarkup(survey.start);
  if (markup) throw new IngestError('not_a_table', { detected: markup });
  if (survey.lineBreak === 'mixed' || !survey.hasDelimiterOrQuote) {
    assertFitsInString(survey.length, survey.length);
    const text = [...stream.chunks()].join('');
    return readTextTable({ text, encoding: stream.encoding }, fileName, limits, columnNames);
  }
  const dialect: Dialect = { delimiter: detectDelimiter(survey.start, survey.lineBreak, preferredDelimiter(fileName)), lineBreak: survey.lineBreak };
  const pieces: TableText = { pieces: () => stream.chunks(), windows: () => recordWindows(stream.chunks(), dialect, windowChars) };
  return tableOf(pieces, dialect, false, stream.encoding, limits, columnNames);
}

/** The first `count` characters of the pieces, or all of them when fewer. */
function firstChars(pieces: Iterable<string>, count: number): string {
  const parts: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    parts.push(piece);
    length += piece.length;
    if (length >= count) break;
  }
  return parts.join('').slice(0, count);
}

