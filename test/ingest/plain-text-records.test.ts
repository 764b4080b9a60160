import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRecords, type Dialect } from '../../src/ingest/csv.js';
import { trimToWidth } from '../../src/ingest/header.js';
import { resolveLimits } from '../../src/ingest/limits.js';
import { countPlainRecords } from '../../src/ingest/plain-records.js';
import { plainRecords } from '../../src/ingest/plain-text-records.js';

const limits = resolveLimits();

/** The records papaparse gives, as readTextTable passes them on. */
function papaparseRecords(text: string, dialect: Dialect, headerLine: number, width: number) {
  return [...parseRecords(text, dialect, undefined, 7)]
    .filter((record) => record.line > headerLine)
    .map((record) => ({ line: record.line, cells: trimToWidth(record.cells, width) }));
}

describe('plainRecords', () => {
  it('GIVEN quoted cells with doubled quotes, delimiters and breaks, blank lines and trailing empty cells THEN papaparse records', () => {
    const text = 'id,name\r\n1,"a ""big"", one"\r\n\r\n2,"two\r\nlines",,\r\n3,5" screen\r\n';
    const dialect: Dialect = { delimiter: ',', lineBreak: '\r\n' };
    expect([...plainRecords(text, dialect, 1, 2)]).toEqual([
      { line: 2, cells: ['1', 'a "big", one'] },
      { line: 4, cells: ['2', 'two\r\nlines'] },
      { line: 6, cells: ['3', '5" screen'] },
    ]);
    expect([...plainRecords(text, dialect, 1, 2)]).toEqual(papaparseRecords(text, dialect, 1, 2));
  });

  it('GIVEN any text countPlainRecords accepts THEN the same cells and lines as papaparse (property)', () => {
    const cell = fc.oneof(
      fc.constantFrom('', 'a', ' ', 'b c', '5" screen', 'é', 'x""y'),
      fc.string({ unit: fc.constantFrom('a', ' ', '"', ',', ';', '\t', '|', '\n', '\r'), maxLength: 6 }),
      fc.string({ unit: fc.constantFrom('a', ' ', '"', ',', ';', '\t', '|', '\n', '\r'), maxLength: 6 }).map((text) => `"${text.replace(/"/g, '""')}"`),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 12 }),
        fc.constantFrom(',', '\t', ';', '|'),
        fc.constantFrom<Dialect['lineBreak']>('\n', '\r\n', '\r'),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 1, max: 4 }),
        fc.boolean(),
        (rows, delimiter, lineBreak, headerLine, width, trailingBreak) => {
          const text = rows.map((cells) => cells.join(delimiter)).join(lineBreak) + (trailingBreak ? lineBreak : '');
          const dialect = { delimiter, lineBreak };
          if (countPlainRecords(text, dialect, headerLine, width, limits) === undefined) return;
          expect([...plainRecords(text, dialect, headerLine, width)]).toEqual(papaparseRecords(text, dialect, headerLine, width));
        },
      ),
      { numRuns: 5000 },
    );
  });
});
