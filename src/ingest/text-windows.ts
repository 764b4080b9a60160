import type { Dialect } from './csv.js';
import { countChar, lineBreakChar } from './line-breaks.js';

/** A stretch of a text that starts at a record's start; `firstLine` is the physical line it starts on. */
export interface TextWindow {
  text: string;
  firstLine: number;
}

/**
 * Characters gathered before a window is cut: the plain-text reader's set-up per window is noise at this size, and
 * a window's string dies young.
 */
export const WINDOW_CHARS = 1 << 20;

/**
 * The pieces of a text regrouped into windows of at least `minChars` (but the last) that end right after a line break
 * outside quoted fields, so the plain-text reader (plain-records.ts, plain-text-records.ts) can take each window as
 * a text of its own, with line numbers shifted by `firstLine - 1`. Quoted fields are found the way papaparse finds
 * them: a quote opens one only at the start of a field. A text that is not plain can be cut inside a field; the
 * plain reader then finds that field unclosed and refuses, and the caller falls back to parseRecords, which needs
 * no windows.
 *
 * Cost: O(n), one indexOf scan; memory O(window), more only while a quoted field spans pieces.
 */
export function* recordWindows(pieces: Iterable<string>, dialect: Dialect, minChars = WINDOW_CHARS): Generator<TextWindow> {
  const breakChar = lineBreakChar(dialect.lineBreak);
  const scanner = new BoundaryScanner(dialect);
  // Pieces since the last window; a window is cut from them at the last boundary once they reach minChars.
  let held: string[] = [];
  let heldChars = 0;
  let cutPiece = -1;
  let cutAt = 0;
  let firstLine = 1;
  for (const piece of pieces) {
    const boundary = scanner.scan(piece);
    held.push(piece);
    heldChars += piece.length;
    if (boundary !== -1) [cutPiece, cutAt] = [held.length - 1, boundary];
    if (heldChars < minChars || cutPiece === -1) continue;
    const last = held[cutPiece]!;
    const text = held.slice(0, cutPiece).join('') + last.slice(0, cutAt);
    held = [last.slice(cutAt), ...held.slice(cutPiece + 1)];
    heldChars -= text.length;
    cutPiece = -1;
    yield { text, firstLine };
    firstLine += countChar(text, breakChar, 0, text.length);
  }
  const rest = held.join('');
  if (rest.length > 0) yield { text: rest, firstLine };
}

/**
 * Follows a text piece by piece: quoted or not, at a field's start or not, and what a piece's last character leaves
 * open (a quote that may be the first of a doubled pair, the CR of a CRLF).
 */
class BoundaryScanner {
  private inQuotes = false;
  private atFieldStart = true;
  private pendingQuote = false;
  private pendingCr = false;

  constructor(private readonly dialect: Dialect) {}

  /** The index just after the last line break outside quotes in this piece, or -1. */
  scan(piece: string): number {
    const { delimiter, lineBreak } = this.dialect;
    let boundary = -1;
    let position = 0;
    if (this.pendingQuote) {
      this.pendingQuote = false;
      if (piece.charCodeAt(0) === QUOTE) position = 1;
      else [this.inQuotes, this.atFieldStart] = [false, false];
    } else if (this.pendingCr) {
      this.pendingCr = false;
      if (piece.charCodeAt(0) === LF) [position, boundary, this.atFieldStart] = [1, 1, true];
    }
    // Found ahead and reused until passed: re-searching for the line break at every delimiter would scan lines twice.
    let nextDelimiter = -2;
    let nextBreak = -2;
    while (position < piece.length) {
      if (this.inQuotes) {
        const quote = piece.indexOf('"', position);
        if (quote === -1) return boundary;
        if (quote === piece.length - 1) {
          this.pendingQuote = true;
          return boundary;
        }
        if (piece.charCodeAt(quote + 1) === QUOTE) position = quote + 2;
        else [this.inQuotes, this.atFieldStart, position] = [false, false, quote + 1];
        continue;
      }
      if (this.atFieldStart && piece.charCodeAt(position) === QUOTE) {
        [this.inQuotes, this.atFieldStart] = [true, false];
        position++;
        continue;
      }
      if (nextDelimiter !== -1 && nextDelimiter < position) nextDelimiter = piece.indexOf(delimiter, position);
      if (nextBreak !== -1 && nextBreak < position) nextBreak = piece.indexOf(lineBreak, position);
      if (nextBreak !== -1 && (nextDelimiter === -1 || nextBreak < nextDelimiter)) {
        position = nextBreak + lineBreak.length;
        boundary = position;
        this.atFieldStart = true;
      } else if (nextDelimiter !== -1) {
        position = nextDelimiter + delimiter.length;
        this.atFieldStart = true;
      } else {
        // The rest of the piece is inside one unquoted field; its last character may be the CR of a CRLF.
        this.atFieldStart = false;
        this.pendingCr = lineBreak === '\r\n' && piece.charCodeAt(piece.length - 1) === CR;
        return boundary;
      }
    }
    return boundary;
  }
}

const QUOTE = 34;
const CR = 13;
const LF = 10;
