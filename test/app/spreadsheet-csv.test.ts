import { describe, expect, it } from 'vitest';
import { spreadsheetCsv } from '../../src/app/segments/spreadsheet-csv.js';

describe('spreadsheetCsv', () => {
  it.each(['=1+2', '+A1', '-1+1', '@SUM(A1)', '\tx', '\rx', '+cmd|"/c calc"!A0'])('GIVEN a cell starting like a formula (%j) THEN it gets an apostrophe', (cell) => {
    expect(spreadsheetCsv([[cell]]).startsWith(`"'`) || spreadsheetCsv([[cell]]).startsWith("'")).toBe(true);
  });

  it('GIVEN a phone number as customer id THEN it is written as it is', () => {
    expect(spreadsheetCsv([['+62 812-3456'.replace('-', ''), '+6281234567', '-12']])).toBe('+62 8123456,+6281234567,-12\r\n');
  });

  it('GIVEN quotes, commas and line breaks THEN the cell is quoted with quotes doubled', () => {
    expect(spreadsheetCsv([['a "b", c\nd', 'plain']])).toBe('"a ""b"", c\nd",plain\r\n');
  });

  it('GIVEN numbers and nulls THEN negatives stay numbers and nulls are empty', () => {
    expect(spreadsheetCsv([[-12.5, null, 3]])).toBe('-12.5,,3\r\n');
  });
});
