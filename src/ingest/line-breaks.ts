/**
 * Line breaks: which one separates records, and counting them to give people physical line numbers.
 */
export type LineBreak = '\n' | '\r\n' | '\r';

/**
 * The record separator to parse with. A file that mixes breaks (two exports pasted together, Excel's CRLF
 * records with LF inside quoted cells) gets every break outside quotes rewritten to LF; breaks inside quoted
 * cells are content and stay as written. Line numbers do not move: each CRLF, CR or LF is still one line.
 *
 * Cost: O(n) scans with indexOf; a copy of the text only for mixed files.
 */
export function chooseLineBreak(text: string): { text: string; lineBreak: LineBreak } {
  const firstCr = text.indexOf('\r');
  if (firstCr === -1) return { text, lineBreak: '\n' };
  if (text.indexOf('\n') === -1) return { text, lineBreak: '\r' };
  if (isOnlyCrlf(text, firstCr)) return { text, lineBreak: '\r\n' };
  return { text: breaksOutsideQuotesToLf(text), lineBreak: '\n' };
}

function isOnlyCrlf(text: string, firstCr: number): boolean {
  let crlf = 0;
  for (let i = firstCr; i !== -1; i = text.indexOf('\r', i + 1)) {
    if (text.charCodeAt(i + 1) !== LF) return false;
    crlf++;
  }
  return countChar(text, '\n', 0, text.length) === crlf;
}

/** Rewrites CR and CRLF to LF except inside quoted fields, found the way papaparse finds them. */
function breaksOutsideQuotesToLf(text: string): string {
  const parts: string[] = [];
  let copiedTo = 0;
  let nextQuote = text.indexOf('"');
  let nextCr = text.indexOf('\r');
  while (nextCr !== -1) {
    if (nextQuote === -1 || nextQuote > nextCr) {
      parts.push(text.slice(copiedTo, nextCr), '\n');
      copiedTo = text.charCodeAt(nextCr + 1) === LF ? nextCr + 2 : nextCr + 1;
      nextCr = text.indexOf('\r', copiedTo);
      continue;
    }
    const closing = opensField(text, nextQuote) ? closingQuote(text, nextQuote) : nextQuote;
    // An unclosed quote runs to the end of the text; papaparse reports it.
    if (closing === -1) break;
    nextQuote = text.indexOf('"', closing + 1);
    if (nextCr < closing) nextCr = text.indexOf('\r', closing + 1);
  }
  parts.push(text.slice(copiedTo));
  return parts.join('');
}

/** A quote opens a quoted field only at the start of a field: the text's start, a delimiter or a line break. */
function opensField(text: string, at: number): boolean {
  return at === 0 || FIELD_STARTS_AFTER.has(text[at - 1]!);
}
const FIELD_STARTS_AFTER = new Set([',', '\t', ';', '|', '\n', '\r']);

function closingQuote(text: string, open: number): number {
  for (let i = text.indexOf('"', open + 1); i !== -1; i = text.indexOf('"', i + 2)) {
    if (text.charCodeAt(i + 1) !== QUOTE) return i;
  }
  return -1;
}
const QUOTE = 34;
const LF = 10;

/** The character to count for line numbers: one per line whatever the break. */
export function lineBreakChar(lineBreak: LineBreak): '\n' | '\r' {
  return lineBreak === '\r' ? '\r' : '\n';
}

/** Occurrences of `char` in text[from, to). */
export function countChar(text: string, char: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf(char, from); i !== -1 && i < to; i = text.indexOf(char, i + 1)) count++;
  return count;
}
