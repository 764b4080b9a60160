import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRecords } from '../../src/ingest/csv.js';
import { countChar, type LineBreak } from '../../src/ingest/line-breaks.js';
import { readTable } from '../../src/ingest/read-table.js';
import { utf8 } from './fixtures.js';

/** Characters that stress a CSV reader: every delimiter, quotes, every line break, spaces, non-ASCII. */
const tricky = fc.constantFrom('a', 'Z', '0', '.', ' ', '"', ',', '\t', ';', '|', '\n', '\r', '£', 'é', '字', '😀');
const cellText = fc.oneof(fc.string({ unit: tricky, maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 8 }));

/** RFC 4180: every field quoted, quotes doubled. */
const serialise = (rows: readonly string[][], delimiter: string, lineBreak: LineBreak) =>
  rows.map((cells) => cells.map((cell) => `"${cell.replace(/"/g, '""')}"`).join(delimiter)).join(lineBreak);

const table = (width: fc.Arbitrary<number>, cell: fc.Arbitrary<string>) =>
  width.chain((columns) => fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), { minLength: 1, maxLength: 25 }));

describe('CSV round trip (property)', () => {
  it('GIVEN any table serialised RFC-4180 style THEN parseRecords reads the same cells and physical line numbers, whatever the chunking', () => {
    fc.assert(
      fc.property(
        table(fc.integer({ min: 2, max: 6 }), cellText),
        fc.constantFrom(',', '\t', ';', '|'),
        fc.constantFrom<LineBreak>('\n', '\r\n'),
        fc.boolean(),
        fc.integer({ min: 1, max: 64 }),
        (rows, delimiter, lineBreak, trailingBreak, chunkChars) => {
          const text = serialise(rows, delimiter, lineBreak) + (trailingBreak ? lineBreak : '');
          const parsed = [...parseRecords(text, { delimiter, lineBreak }, undefined, chunkChars)];
          expect(parsed.map((record) => record.cells)).toEqual(rows);
          let line = 1;
          const lines = rows.map((cells) => {
            const start = line;
            line += 1 + cells.reduce((breaks, cell) => breaks + countChar(cell, '\n', 0, cell.length), 0);
            return start;
          });
          expect(parsed.map((record) => record.line)).toEqual(lines);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('GIVEN any table under a named header THEN readTable detects the delimiter and returns the same rows', async () => {
    const filledCell = cellText.filter((cell) => cell.trim() !== '' && !cell.includes('\0'));
    await fc.assert(
      fc.asyncProperty(table(fc.integer({ min: 2, max: 6 }), filledCell), fc.constantFrom(',', '\t', ';', '|'), async (rows, delimiter) => {
        const header = rows[0]!.map((_, i) => `Column ${i + 1}`);
        const result = await readTable(utf8(serialise([header, ...rows], delimiter, '\r\n')), 'property.csv');
        expect(result.delimiter).toBe(delimiter);
        expect(result.header).toEqual(header);
        expect([...result.records].map((record) => record.cells)).toEqual(rows);
        expect(result.recordCount).toBe(rows.length);
      }),
      { numRuns: 150 },
    );
  });
});
