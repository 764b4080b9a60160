import { describe, expect, it } from 'vitest';
import { spreadsheetCsv } from '../../src/app/spreadsheet-csv.js';

describe('spreadsheetCsv', () => {
  it.each(['=1+2', '+1', '-1+1', '@SUM(A1)', '\tx', '\rx'])('GIVEN a cell starting like a formula (%j) THEN it gets an apostrophe', (cell) => {
    expect(spreadsheetCsv([[cell]]).startsWith(`"'`) || spreadsheetCsv([[cell]]).startsWith("'")).toBe(true);
  });

  it('GIVEN quotes, commas and line breaks THEN the cell is quoted with quotes doubled', () => {
    expect(spreadsheetCsv([['a "b", c\nd', 'plain']])).toBe('"a ""b"", c\nd",plain\r\n');
  });

  it('GIVEN numbers and nulls THEN negatives stay numbers and nulls are empty', () => {
    expect(spreadsheetCsv([[-12.5, null, 3]])).toBe('-12.5,,3\r\n');
  });
});
