import { describe, expect, it } from 'vitest';
import { parseRecords, type Dialect } from '../../src/ingest/csv.js';
import { IngestError } from '../../src/ingest/types.js';

const comma: Dialect = { delimiter: ',', lineBreak: '\n' };
const records = (text: string, dialect = comma, chunkChars?: number) => [...parseRecords(text, dialect, undefined, chunkChars)];

describe('parseRecords', () => {
  it('GIVEN quoted fields with delimiters and doubled quotes THEN they are unquoted and unescaped', () => {
    expect(records('a,b\n"x, y","say ""hi"""\n')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, y', 'say "hi"'] },
    ]);
  });

  it('GIVEN a quoted field spanning lines THEN the next record keeps its physical line number', () => {
    expect(records('a,b\n"one\ntwo\nthree",2\nlast,3')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['one\ntwo\nthree', '2'] },
      { line: 5, cells: ['last', '3'] },
    ]);
  });

  it('GIVEN blank and whitespace-only lines THEN they are skipped and still counted', () => {
    expect(records('a,b\n\n   \n1,2\n\n3,4\n').map((r) => r.line)).toEqual([1, 4, 6]);
  });

  it('GIVEN CRLF line breaks THEN records split on CRLF and an LF inside quotes stays in the cell', () => {
    const crlf: Dialect = { delimiter: ',', lineBreak: '\r\n' };
    expect(records('a,b\r\n"x\ny",1\r\nz,2\r\n', crlf)).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x\ny', '1'] },
      { line: 4, cells: ['z', '2'] },
    ]);
  });

  it('GIVEN old Mac CR line breaks THEN lines are counted by CR', () => {
    const cr: Dialect = { delimiter: ';', lineBreak: '\r' };
    expect(records('a;b\r\r1;2\r', cr)).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 3, cells: ['1', '2'] },
    ]);
  });

  it('GIVEN a quote that is never closed THEN unclosed_quote names the line where the record starts', () => {
    const read = () => records('a,b\n1,2\n3,"open\n4,5\n');
    expect(read).toThrow(IngestError);
    expect(read).toThrow(expect.objectContaining({ code: 'unclosed_quote', details: { line: 3 } }));
  });

  it('GIVEN a quote closed in the middle of a field THEN the line is reported as malformed and parsing goes on', () => {
    const malformed: number[] = [];
    const parsed = [...parseRecords('a,b\n"5" screen",2\nok,3\n', comma, (line) => malformed.push(line))];
    expect(malformed).toEqual([2]);
    expect(parsed.map((r) => r.cells)).toEqual([['a', 'b'], ['5" screen', '2'], ['ok', '3']]);
  });

  it('GIVEN tiny chunks THEN records and line numbers are the same as with one chunk', () => {
    const text = 'h1,h2\n"a\nb",1\n\n"c""d",2\nplain,3\n"e,\n\nf",4\nend,5';
    const whole = records(text);
    for (const chunkChars of [1, 2, 3, 5, 8, 13]) expect(records(text, comma, chunkChars)).toEqual(whole);
  });
});
