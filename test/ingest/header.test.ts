import { describe, expect, it } from 'vitest';
import { assertUsableHeader, findHeaderRow, headerNames, trimToWidth } from '../../src/ingest/header.js';
import type { RawCell } from '../../src/ingest/types.js';

describe('findHeaderRow', () => {
  it('GIVEN a header on the first row THEN it is row 0', () => {
    expect(findHeaderRow([['id', 'amount'], ['1', '2.50']])).toBe(0);
  });

  it('GIVEN a title and a date range above the header THEN the header is found below them', () => {
    const rows: RawCell[][] = [['Sales report'], ['From', '2022-01-01', 'to', '2022-03-31'], ['Customer', 'Date', 'Amount', 'Country'], ['C1', '2022-01-04', '5', 'UK']];
    expect(findHeaderRow(rows)).toBe(2);
  });

  it('GIVEN a two-word line whose next rows are wider THEN it is passed over', () => {
    const rows: RawCell[][] = [['Exported by', 'Bob', '', ''], ['a', 'b', 'c', 'd'], ['1', '2', '3', '4'], ['5', '6', '7', '8']];
    expect(findHeaderRow(rows)).toBe(1);
  });

  it('GIVEN only numbers and dates THEN there is no header', () => {
    expect(findHeaderRow([['1', '2'], ['2010-12-01 08:26:00', '$5,320 ']])).toBe(-1);
  });

  it('GIVEN typed XLSX cells THEN numbers and dates do not count as names', () => {
    expect(findHeaderRow([[2021, new Date(0), 'x'], ['Year', 'Date', 'Name'], [2022, new Date(0), 'y']])).toBe(1);
  });
});

describe('headerNames', () => {
  it('GIVEN padded names and a trailing empty column THEN names are trimmed and the empty column dropped', () => {
    expect(headerNames([' Invoice ', 'Date', 2021, '', ''])).toEqual(['Invoice', 'Date', '2021']);
  });
});

describe('assertUsableHeader', () => {
  it('GIVEN names equal but for case and spaces THEN duplicate_header names the second', () => {
    expect(() => assertUsableHeader(['Customer ID', 'Amount', 'customerid'], 3)).toThrow(
      expect.objectContaining({ code: 'duplicate_header', details: { name: 'customerid', line: 3 } }),
    );
  });

  it.each(['__proto__', 'constructor', ' Prototype '])('GIVEN a column named %j THEN unsafe_header', (name) => {
    expect(() => assertUsableHeader(['id', name], 1)).toThrow(expect.objectContaining({ code: 'unsafe_header' }));
  });

  it('GIVEN two empty names in the middle THEN they are not duplicates', () => {
    expect(() => assertUsableHeader(['a', '', '', 'b'], 1)).not.toThrow();
  });
});

describe('trimToWidth', () => {
  it('GIVEN empty cells past the header THEN they are dropped, a filled one is kept', () => {
    expect(trimToWidth(['1', '2', '', ''], 2)).toEqual(['1', '2']);
    expect(trimToWidth(['1', '2', 'x', ''], 2)).toEqual(['1', '2', 'x']);
  });
});
