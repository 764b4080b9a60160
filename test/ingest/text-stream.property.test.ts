import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/ingest/decode.js';
import { resolveLimits } from '../../src/ingest/limits.js';
import { readTextStream } from '../../src/ingest/text-stream-table.js';
import { readTextTable } from '../../src/ingest/text-table.js';
import type { RawRecord, RawTable } from '../../src/ingest/types.js';
import { utf8 } from './fixtures.js';

/**
 * A text read in chunks (an inflated .csv.gz) must give the table the whole text gives: same dialect, header, count,
 * warnings, records and line numbers, wherever the byte chunks and the plain reader's windows are cut.
 */
const limits = resolveLimits();

/** Cells that stress the reader: quotes (well and badly placed), every break, delimiters, multi-byte characters. */
const unit = fc.constantFrom('a', 'Z', '0', '.', ' ', '"', ',', ';', '\t', '\n', '\r', '£', 'é', '字', '😀');
const cell = fc.string({ unit, maxLength: 8 });
const quoted = (value: string) => `"${value.replaceAll('"', '""')}"`;

/** A header, then rows written by a machine (every field quoted, or only those that need it) or by hand (raw). */
const text = fc
  .record({
    rows: fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 0, maxLength: 20 }),
    style: fc.constantFrom('all', 'needed', 'raw'),
    delimiter: fc.constantFrom(',', ';', '\t'),
    lineBreak: fc.constantFrom('\n', '\r\n', '\r'),
    trailing: fc.boolean(),
  })
  .map(({ rows, style, delimiter, lineBreak, trailing }) => {
    const field = (value: string) =>
      style === 'all' ? quoted(value) : style === 'needed' && /["\r\n,;\t]/.test(value) ? quoted(value) : value;
    const lines = [['Invoice', 'Customer', 'Amount'], ...rows].map((cells) => cells.map(field).join(delimiter));
    return lines.join(lineBreak) + (trailing ? lineBreak : '');
  });

/** The bytes cut at the given offsets (sorted, within bounds): sequences of a multi-byte character get split. */
const chunked = (bytes: Uint8Array, cuts: readonly number[]) => () => {
  const at = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let from = 0;
  for (const cut of [...at, bytes.length]) {
    if (cut > from) chunks.push(bytes.subarray(from, cut));
    from = Math.max(from, cut);
  }
  return chunks;
};

type Outcome = { table: Omit<RawTable, 'records' | 'container'>; records: Pick<RawRecord, 'line' | 'cells'>[] } | { refused: string };

function outcome(read: () => Omit<RawTable, 'container'>): Outcome {
  try {
    const { records, ...table } = read();
    return { table, records: [...records].map(({ line, cells }) => ({ line, cells })) };
  } catch (error) {
    return { refused: `${(error as { code?: string }).code} ${JSON.stringify((error as { details?: unknown }).details)}` };
  }
}

describe('readTextStream (property)', () => {
  it('GIVEN any delimited text, cut into any byte chunks and read in any windows THEN the same table as the whole text', () => {
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 12 }), fc.integer({ min: 1, max: 64 }), (content, cuts, windowChars) => {
        const bytes = utf8(content);
        const whole = outcome(() => readTextTable(decodeText(bytes), 'upload.csv', limits));
        const streamed = outcome(() => readTextStream(chunked(bytes, cuts), 'upload.csv', limits, undefined, windowChars));
        expect(streamed).toEqual(whole);
      }),
      { numRuns: 400 },
    );
  });

  it('GIVEN bytes that are not UTF-8 past the first chunk THEN windows-1252, as for the whole bytes', () => {
    const bytes = new Uint8Array([...utf8('Name,City\nA,Caf'), 0xe9, ...utf8('\nB,'), 0x80, ...utf8('5\n')]);
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
    for (const variant of [bytes, withBom]) {
      for (let cut = 1; cut < variant.length; cut++) {
        const open = chunked(variant, [cut, cut + 3]);
        expect(outcome(() => readTextStream(open, 'x.csv', limits))).toEqual(outcome(() => readTextTable(decodeText(variant), 'x.csv', limits)));
      }
      expect(readTextStream(() => [variant], 'x.csv', limits)).toMatchObject({ encoding: 'windows-1252', header: ['Name', 'City'] });
    }
  });

  it('GIVEN a UTF-8 byte-order mark or UTF-16 with its mark, cut anywhere THEN the same header as the whole bytes', () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Name;Town\nAnn;Köln\n')]);
    const le = new Uint8Array([0xff, 0xfe, ...Buffer.from('Name\tTown\r\nAnn\tKöln\r\n', 'utf16le')]);
    for (const bytes of [withBom, le]) {
      for (let cut = 1; cut < bytes.length; cut++) {
        const streamed = outcome(() => readTextStream(chunked(bytes, [cut]), 'x.csv', limits));
        expect(streamed).toEqual(outcome(() => readTextTable(decodeText(bytes), 'x.csv', limits)));
        expect(streamed).toMatchObject({ table: { header: ['Name', 'Town'] } });
      }
    }
  });
});
