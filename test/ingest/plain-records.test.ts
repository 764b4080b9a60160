import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRecords, type Dialect } from '../../src/ingest/csv.js';
import { trimToWidth } from '../../src/ingest/header.js';
import { resolveLimits } from '../../src/ingest/limits.js';
import { countPlainRecords } from '../../src/ingest/plain-records.js';
import { countWithinCaps } from '../../src/ingest/table-caps.js';
import { IngestError, type IngestLimits } from '../../src/ingest/types.js';

const comma: Dialect = { delimiter: ',', lineBreak: '\n' };
const limits = resolveLimits();

/** What the full pass says: the count, or the refusal's code. */
function fullPass(text: string, dialect: Dialect, headerLine: number, width: number, caps: IngestLimits): number | string {
  function* dataRecords() {
    for (const record of parseRecords(text, dialect)) {
      if (record.line <= headerLine) continue;
      trimToWidth(record.cells, width);
      yield record;
    }
  }
  try {
    return countWithinCaps(dataRecords(), Array.from({ length: width }, (_, i) => `c${i}`), caps);
  } catch (error) {
    if (error instanceof IngestError) return error.code;
    throw error;
  }
}

describe('countPlainRecords', () => {
  it('GIVEN quoted cells with doubled quotes, delimiters and line breaks, blank lines and trailing empty cells THEN the full pass count', () => {
    const text = 'a,b\n"x, ""y""",1\n\n   \n"two\nlines",2,,\n3,"",\n';
    expect(countPlainRecords(text, comma, 1, 2, limits)).toBe(3);
    expect(fullPass(text, comma, 1, 2, limits)).toBe(3);
  });

  it('GIVEN a header on line 3 and a quoted line break above it THEN only the records after it count', () => {
    const text = 'Report\n"multi\nline"\nInvoice,Total\n1,2\n';
    expect(countPlainRecords(text, comma, 4, 2, limits)).toBe(1);
    expect(fullPass(text, comma, 4, 2, limits)).toBe(1);
  });

  it('GIVEN records without quotes that start blank, with a tab delimiter or hold a lone LF in a CRLF file THEN the full pass count', () => {
    const tabs: Dialect = { delimiter: '\t', lineBreak: '\n' };
    const tabText = 'a\tb\n\t1\n \t\n\t\n  \n\u00a0\n x\n';
    expect(countPlainRecords(tabText, tabs, 1, 2, limits)).toBe(fullPass(tabText, tabs, 1, 2, limits));
    const crlf: Dialect = { delimiter: ',', lineBreak: '\r\n' };
    const crlfText = 'a,b\r\nx\ny,1\r\nz,2\r\n';
    expect(countPlainRecords(crlfText, crlf, 3, 2, limits)).toBe(fullPass(crlfText, crlf, 3, 2, limits));
  });

  it.each([
    ['a space after a closing quote', 'a,b\n"x" ,1\n'],
    ['text after a closing quote', 'a,b\n"5" screen",1\n'],
    ['an unclosed quote', 'a,b\n"open,1\n'],
  ])('GIVEN %s THEN undefined, for the full pass to handle', (_, text) => {
    expect(countPlainRecords(text, comma, 1, 2, limits)).toBeUndefined();
  });

  it('GIVEN a record past a cap THEN undefined, so the full pass words the refusal', () => {
    expect(countPlainRecords('a,b\n1,2\n3,4\n', comma, 1, 2, { ...limits, maxRows: 1 })).toBeUndefined();
    expect(countPlainRecords('a,b\n1,2,3\n', comma, 1, 2, { ...limits, maxColumns: 2 })).toBeUndefined();
    expect(countPlainRecords('a,b\n1,"12345"\n', comma, 1, 2, { ...limits, maxCellLength: 4 })).toBeUndefined();
    expect(countPlainRecords('a,b\n1,2,,\n', comma, 1, 2, { ...limits, maxColumns: 2 })).toBe(1);
  });

  it('GIVEN any plain table THEN the same count as the full pass, or undefined (property)', () => {
    const cell = fc.oneof(
      fc.constantFrom('', 'a', ' ', 'b c', '5" screen', 'é'),
      fc.string({ unit: fc.constantFrom('a', ' ', '"', ',', ';', '\t', '|', '\n', '\r'), maxLength: 6 }).map((text) => `"${text.replace(/"/g, '""')}"`),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 12 }),
        fc.constantFrom(',', '\t', ';', '|'),
        fc.constantFrom<Dialect['lineBreak']>('\n', '\r\n', '\r'),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 1, max: 4 }),
        fc.record({ maxRows: fc.integer({ min: 1, max: 8 }), maxColumns: fc.integer({ min: 1, max: 6 }), maxCellLength: fc.integer({ min: 1, max: 8 }) }),
        (rows, delimiter, lineBreak, headerLine, width, caps) => {
          const text = rows.map((cells) => cells.join(delimiter)).join(lineBreak);
          const dialect = { delimiter, lineBreak };
          const plain = countPlainRecords(text, dialect, headerLine, width, { ...limits, ...caps });
          if (plain !== undefined) expect(plain).toBe(fullPass(text, dialect, headerLine, width, { ...limits, ...caps }));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
