import type { LineBreak } from './line-breaks.js';

/**
 * What the text-table stages need to know of a whole text before reading its records, gathered in one pass over
 * its pieces, so that a text read in pieces (an inflated .csv.gz) is never held whole just to be looked at.
 */
export interface TextSurvey {
  /** Characters in the whole text. */
  length: number;
  /** The first `startChars` characters, or the whole text when shorter: sniffMarkup and detectDelimiter read only these. */
  start: string;
  hasNonSpace: boolean;
  hasNul: boolean;
  /** A delimiter or a quote anywhere: such a text is never whitespace-aligned (see alignedAsTabs). */
  hasDelimiterOrQuote: boolean;
  /** As chooseLineBreak would choose, or 'mixed' when it would rewrite the breaks (which needs the whole text). */
  lineBreak: LineBreak | 'mixed';
}

const DELIMITER_OR_QUOTE = /[,\t;|"]/;
const NON_SPACE = /\S/;
const LF = 10;

/**
 * One pass over the pieces of a text. Line breaks are judged as chooseLineBreak does (no CR: LF; no LF: CR; every
 * CR followed by LF and no lone LF: CRLF; otherwise mixed), with a CR at the end of a piece looked up in the next.
 *
 * Cost: O(n) with indexOf scans; memory: `start` and one piece.
 */
export function surveyText(pieces: Iterable<string>, startChars: number): TextSurvey {
  const surveyor = new TextSurveyor(startChars);
  for (const piece of pieces) surveyor.see(piece);
  return surveyor.result();
}

/** surveyText fed one piece at a time, so a pass that reads the text for something else can survey it too. */
export class TextSurveyor {
  private length = 0;
  private readonly startParts: string[] = [];
  private startLength = 0;
  private hasNonSpace = false;
  private hasNul = false;
  private hasDelimiterOrQuote = false;
  private crs = 0;
  private lfs = 0;
  private crlfs = 0;
  private loneCr = false;
  private pendingCr = false;

  constructor(private readonly startChars: number) {}

  see(piece: string): void {
    this.length += piece.length;
    if (this.startLength < this.startChars) {
      const part = piece.slice(0, this.startChars - this.startLength);
      this.startParts.push(part);
      this.startLength += part.length;
    }
    if (!this.hasNonSpace) this.hasNonSpace = NON_SPACE.test(piece);
    if (!this.hasNul) this.hasNul = piece.includes('\0');
    if (!this.hasDelimiterOrQuote) this.hasDelimiterOrQuote = DELIMITER_OR_QUOTE.test(piece);
    if (this.pendingCr) {
      if (piece.charCodeAt(0) === LF) this.crlfs++;
      else this.loneCr = true;
      this.pendingCr = false;
    }
    for (let i = piece.indexOf('\r'); i !== -1; i = piece.indexOf('\r', i + 1)) {
      this.crs++;
      if (i === piece.length - 1) this.pendingCr = true;
      else if (piece.charCodeAt(i + 1) === LF) this.crlfs++;
      else this.loneCr = true;
    }
    for (let i = piece.indexOf('\n'); i !== -1; i = piece.indexOf('\n', i + 1)) this.lfs++;
  }

  result(): TextSurvey {
    const { crs, lfs, crlfs } = this;
    const loneCr = this.loneCr || this.pendingCr;
    const lineBreak: TextSurvey['lineBreak'] = crs === 0 ? '\n' : lfs === 0 ? '\r' : !loneCr && lfs === crlfs ? '\r\n' : 'mixed';
    const { length, hasNonSpace, hasNul, hasDelimiterOrQuote } = this;
    return { length, start: this.startParts.join(''), hasNonSpace, hasNul, hasDelimiterOrQuote, lineBreak };
  }
}
