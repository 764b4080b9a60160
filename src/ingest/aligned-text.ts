import type { LineBreak } from './line-breaks.js';

/** A delimiter or a quote anywhere makes a text delimited, never aligned. */
const DELIMITED = /[,\t;|"]/;
const SPACES = / +/;

/**
 * Whitespace-aligned columns, as legacy systems and POS tills print them (the original CDNOW sample:
 * ` 00004 0001 19970101  2   29.33`), rewritten tab-separated so the delimited-text stages read them. Only a text
 * with no delimiter and no quote at all qualifies, and only when every non-empty line splits on runs of spaces into
 * the same number of fields, at least two: a CSV or TSV is never touched, and a value with a space in it (a product
 * name) makes the text not a table rather than a table cut in the wrong places. Lines keep their numbers.
 *
 * Cost: O(n); a copy of the text when it is aligned.
 * @example alignedAsTabs(' 1 19970101  2\n 2 19970102 10\n', '\n') // '1\t19970101\t2\n2\t19970102\t10\n'
 */
export function alignedAsTabs(text: string, lineBreak: LineBreak): string | undefined {
  if (DELIMITED.test(text)) return undefined;
  const lines = text.split(lineBreak);
  let width = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') {
      lines[i] = '';
      continue;
    }
    const fields = line.split(SPACES);
    if (width === 0) width = fields.length;
    else if (fields.length !== width) return undefined;
    lines[i] = fields.join('\t');
  }
  return width >= 2 ? lines.join(lineBreak) : undefined;
}
