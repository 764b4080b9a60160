import type { LineBreak } from './line-breaks.js';

export const DELIMITERS = [',', '\t', ';', '|'] as const;

const SAMPLE_CHARS = 64 * 1024;
const SAMPLE_RECORDS = 50;

/**
 * The delimiter that splits the first records into the same number of columns (more than one) most
 * consistently. Delimiters are counted outside quotes, so "Smith, John" does not vote for the comma, and a
 * report title above the header only lowers every candidate's share alike. Ties go to the larger column
 * count (a decimal comma in a semicolon file gives fewer columns), then to `preferred`, then to the order
 * of DELIMITERS. A file no candidate splits gets a comma (one column; the header search will say so).
 *
 * Cost: O(min(n, 64 KB)) per candidate.
 */
export function detectDelimiter(text: string, lineBreak: LineBreak, preferred?: string): string {
  const sample = sampleOf(text, lineBreak);
  const candidates = [...DELIMITERS].sort((a, b) => Number(b === preferred) - Number(a === preferred));
  let best = { delimiter: ',', share: 0, columns: 1 };
  for (const delimiter of candidates) {
    const { columns, share } = consistency(fieldCounts(sample, delimiter, lineBreak));
    if (columns < 2) continue;
    if (share > best.share || (share === best.share && columns > best.columns)) best = { delimiter, share, columns };
  }
  return best.delimiter;
}

/** The start of the text, cut after the last complete record in it. */
function sampleOf(text: string, lineBreak: LineBreak): string {
  if (text.length <= SAMPLE_CHARS) return text;
  const end = text.lastIndexOf(lineBreak, SAMPLE_CHARS);
  return text.slice(0, end > 0 ? end : SAMPLE_CHARS);
}

/** Fields per non-blank record, quote-aware the way RFC 4180 and papaparse are (quotes open only at a field start). */
function fieldCounts(sample: string, delimiter: string, lineBreak: LineBreak): number[] {
  const counts: number[] = [];
  let fields = 1;
  let blank = true;
  let atFieldStart = true;
  let inQuotes = false;
  for (let i = 0; i < sample.length && counts.length < SAMPLE_RECORDS; i++) {
    const char = sample[i];
    if (inQuotes) {
      if (char === '"') {
        if (sample[i + 1] === '"') i++;
        else inQuotes = false;
      }
    } else if (char === '"' && atFieldStart) {
      inQuotes = true;
      blank = false;
      atFieldStart = false;
    } else if (char === delimiter) {
      fields++;
      blank = false;
      atFieldStart = true;
    } else if (sample.startsWith(lineBreak, i)) {
      if (!blank) counts.push(fields);
      fields = 1;
      blank = true;
      atFieldStart = true;
      i += lineBreak.length - 1;
    } else {
      atFieldStart = false;
      if (char !== ' ' && char !== '\t') blank = false;
    }
  }
  if (!blank && counts.length < SAMPLE_RECORDS) counts.push(fields);
  return counts;
}

/** The most common field count above one, and the share of records that have it. */
function consistency(counts: readonly number[]): { columns: number; share: number } {
  const frequency = new Map<number, number>();
  for (const count of counts) if (count > 1) frequency.set(count, (frequency.get(count) ?? 0) + 1);
  let columns = 1;
  let most = 0;
  for (const [count, times] of frequency) {
    if (times > most || (times === most && count > columns)) [columns, most] = [count, times];
  }
  return { columns, share: counts.length === 0 ? 0 : most / counts.length };
}
