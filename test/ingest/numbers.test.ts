import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inferDecimalMark, parseNumberCell, parseNumberText } from '../../src/ingest/numbers.js';
import type { DecimalMark } from '../../src/ingest/numbers.js';

describe('parseNumberText', () => {
  it.each([
    ['6', 6],
    ['2.55', 2.55],
    ['-11062.06', -11062.06],
    ['0.001', 0.001],
    ['  42  ', 42],
    ['+3', 3],
    ['.5', 0.5],
    ['12.', 12],
    ['1,234.56', 1234.56],
    ['1,234,567', 1234567],
    ['$5,320 ', 5320],
    ['$12,726 ', 12726],
    ['£3.39', 3.39],
    ['€ 10.00', 10],
    ['¥1,000', 1000],
    ['USD 12.50', 12.5],
    ['12.50 USD', 12.5],
    ['US$12.50', 12.5],
    ['(12.50)', -12.5],
    ['($1,234.50)', -1234.5],
    ['$(12.50)', -12.5],
    ['-$12.50', -12.5],
    ['$-12.50', -12.5],
    ['12.50-', -12.5],
    ['−7', -7],
    ["1'234.50", 1234.5],
    ['1 234 567.5', 1234567.5],
    ['1.5e3', 1500],
    ['1234567890123456789', 1234567890123456789],
  ])('GIVEN %j with a decimal dot THEN reads %d', (text, expected) => {
    expect(parseNumberText(text, 'dot')).toBe(expected);
  });

  it.each([
    ['12,5', 12.5],
    ['1.234,56', 1234.56],
    ['1.234.567', 1234567],
    ['Rp 1.234,50', 1234.5],
    ['Rp15.000', 15000],
    ['Rp. 15.000', 15000],
    ['IDR 2.500.000', 2500000],
    ['15.000 Rp.', 15000],
    ['1 234,5', 1234.5],
    ['(3,25)', -3.25],
    ['0,125', 0.125],
    ['€ 1.000,00', 1000],
  ])('GIVEN %j with a decimal comma THEN reads %d', (text, expected) => {
    expect(parseNumberText(text, 'comma')).toBe(expected);
  });

  it.each(['', '   ', '-', ' - ', '$ -'])('GIVEN blank or a lone dash %j THEN it is null, not 0', (text) => {
    expect(parseNumberText(text, 'dot')).toBeNull();
  });

  it.each([
    ['12,5', 'dot'],
    ['1,23', 'dot'],
    ['1,2345', 'dot'],
    ['0,125', 'dot'],
    ['2.55', 'comma'],
    ['0.001', 'comma'],
    ['1,234.56', 'comma'],
    ['abc', 'dot'],
    ['12abc', 'dot'],
    ['N/A', 'dot'],
    ['1.2.3', 'dot'],
    ['--5', 'dot'],
    ['(5', 'dot'],
    ['5)', 'dot'],
    ['(-5)', 'dot'],
    ['$', 'dot'],
    ['$$5', 'dot'],
    ['1,,234', 'dot'],
    ['1,234,', 'dot'],
    ['12E', 'dot'],
    ['0x10', 'dot'],
    ['Infinity', 'dot'],
  ] as const)('GIVEN %j with a decimal %s THEN it is unreadable (NaN)', (text, mark) => {
    expect(parseNumberText(text, mark)).toBeNaN();
  });

  it('GIVEN zero written negative THEN it reads as plain 0', () => {
    expect(Object.is(parseNumberText('-0', 'dot'), 0)).toBe(true);
    expect(Object.is(parseNumberText('(0.00)', 'dot'), 0)).toBe(true);
  });
});

describe('parseNumberCell', () => {
  it('GIVEN XLSX number cells THEN they pass through', () => {
    expect(parseNumberCell(2.55, 'comma')).toBe(2.55);
    expect(parseNumberCell(-3, 'dot')).toBe(-3);
  });

  it('GIVEN an empty cell THEN it is null; booleans, dates and infinities are unreadable', () => {
    expect(parseNumberCell(null, 'dot')).toBeNull();
    expect(parseNumberCell(true, 'dot')).toBeNaN();
    expect(parseNumberCell(new Date(0), 'dot')).toBeNaN();
    expect(parseNumberCell(Number.POSITIVE_INFINITY, 'dot')).toBeNaN();
  });
});

describe('inferDecimalMark', () => {
  const infer = (values: string[]) => inferDecimalMark(values);

  it('GIVEN 1.234,56 and 12,5 THEN the comma is the decimal mark', () => {
    expect(infer(['1.234,56', '12,5', '7'])).toEqual({ ok: true, mark: 'comma' });
  });

  it('GIVEN 1,234.56 and 5,320 THEN the dot is the decimal mark and commas group thousands', () => {
    expect(infer(['1,234.56', '5,320', '3'])).toEqual({ ok: true, mark: 'dot' });
  });

  it('GIVEN only values like $5,320 THEN the comma groups thousands (dot)', () => {
    expect(infer(['$5,320 ', '$7,896 ', '$4,501 ', '$182 '])).toEqual({ ok: true, mark: 'dot' });
  });

  it('GIVEN plain machine numbers THEN dot', () => {
    expect(infer(['6', '2.55', '-1', '0.001'])).toEqual({ ok: true, mark: 'dot' });
    expect(infer(['6', '12', '100'])).toEqual({ ok: true, mark: 'dot' });
    expect(infer([])).toEqual({ ok: true, mark: 'dot' });
  });

  it('GIVEN 1.234-like values beside decimal dots THEN they are decimals (dot)', () => {
    expect(infer(['1.695', '2.55', '0.85'])).toEqual({ ok: true, mark: 'dot' });
  });

  it('GIVEN 1.234-like values beside decimal commas THEN they are thousands (comma)', () => {
    expect(infer(['1.234', '12,50', '15.000'])).toEqual({ ok: true, mark: 'comma' });
  });

  it('GIVEN 1,234-like values beside 12,5 THEN it is ambiguous, with an example of each', () => {
    expect(infer(['1,234', '5,320', '12,5'])).toEqual({ ok: false, examples: ['12,5', '1,234'] });
  });

  it('GIVEN only 15.000-like values (Rp 15,000 or 15.0?) THEN it is ambiguous', () => {
    expect(infer(['15.000', '250.000', '7.500'])).toMatchObject({ ok: false });
  });

  it('GIVEN 1,234-like and 1.234-like values only THEN it is ambiguous', () => {
    expect(infer(['1,234', '5.678'])).toMatchObject({ ok: false });
  });

  it('GIVEN votes for both marks THEN it is ambiguous', () => {
    expect(infer(['2.55', '12,5'])).toEqual({ ok: false, examples: ['2.55', '12,5'] });
  });

  it('GIVEN only ambiguous values in the sample THEN it keeps reading until a value decides', () => {
    const values = [...Array.from({ length: 3000 }, () => '1.500'), '1.500,25'];
    expect(inferDecimalMark(values, 100)).toEqual({ ok: true, mark: 'comma' });
  });

  it('GIVEN a decided sample THEN values after it are not read', () => {
    const values = [...Array.from({ length: 100 }, () => '2.55'), '12,5'];
    expect(inferDecimalMark(values, 100)).toEqual({ ok: true, mark: 'dot' });
  });

  it('GIVEN XLSX number cells THEN they carry no evidence', () => {
    expect(inferDecimalMark([1234.5, 12, '12,5'])).toEqual({ ok: true, mark: 'comma' });
  });

  it('GIVEN only 28.500-like values and the comma hint (Rupiah) THEN comma: the dots are thousands', () => {
    expect(inferDecimalMark(['28.500', 'Rp 45.000', '7.500'], 2000, 'comma')).toEqual({ ok: true, mark: 'comma' });
    expect(inferDecimalMark(['1,234', '5.678'], 2000, 'comma')).toEqual({ ok: true, mark: 'comma' });
    expect(inferDecimalMark(['1,234', '5,320', '12,5'], 2000, 'comma')).toEqual({ ok: true, mark: 'comma' });
  });

  it('GIVEN the comma hint and a value only a decimal dot reads (2.55) THEN the hint does not override it', () => {
    expect(inferDecimalMark(['2.55', '12,5'], 2000, 'comma')).toEqual({ ok: false, examples: ['2.55', '12,5'] });
    expect(inferDecimalMark(['28.500', '2.55'], 2000, 'comma')).toEqual({ ok: true, mark: 'dot' });
  });
});

/** Writes |integer| with a thousands mark every three digits. */
function group(integer: string, mark: string): string {
  let out = '';
  for (let i = 0; i < integer.length; i++) {
    if (i > 0 && (integer.length - i) % 3 === 0) out += mark;
    out += integer[i];
  }
  return out;
}

interface Style {
  mark: DecimalMark;
  write: (negative: boolean, integer: string, fraction: string) => string;
}

const STYLES: Record<string, Style> = {
  plain: { mark: 'dot', write: (n, i, f) => `${n ? '-' : ''}${i}.${f}` },
  thousands: { mark: 'dot', write: (n, i, f) => `${n ? '-' : ''}${group(i, ',')}.${f}` },
  dollars: { mark: 'dot', write: (n, i, f) => `${n ? '-' : ''}$${group(i, ',')}.${f} ` },
  accounting: { mark: 'dot', write: (n, i, f) => (n ? `(${group(i, ',')}.${f})` : `${group(i, ',')}.${f}`) },
  trailingCode: { mark: 'dot', write: (n, i, f) => `${n ? '-' : ''}${group(i, ',')}.${f} USD` },
  swiss: { mark: 'dot', write: (n, i, f) => `${n ? '-' : ''}${group(i, "'")}.${f}` },
  european: { mark: 'comma', write: (n, i, f) => `${n ? '-' : ''}${group(i, '.')},${f}` },
  euro: { mark: 'comma', write: (n, i, f) => `${n ? '-' : ''}€ ${group(i, '.')},${f}` },
  rupiah: { mark: 'comma', write: (n, i, f) => `${n ? '-' : ''}Rp ${group(i, '.')},${f}` },
  spaced: { mark: 'comma', write: (n, i, f) => `${n ? '-' : ''}${group(i, ' ')},${f}` },
  frenchAccounting: { mark: 'comma', write: (n, i, f) => (n ? `(${group(i, '\u00a0')},${f} €)` : `${group(i, '\u00a0')},${f} €`) },
};

describe('number round trips (property)', () => {
  const cents = fc.integer({ min: -99_999_999_999_99, max: 99_999_999_999_99 });
  const style = fc.constantFrom(...Object.keys(STYLES));

  it('GIVEN any amount in cents written in any style THEN parsing it with the style mark gives it back', () => {
    fc.assert(
      fc.property(cents, style, (value, name) => {
        const { mark, write } = STYLES[name]!;
        const absolute = Math.abs(value);
        const text = write(value < 0, String(Math.floor(absolute / 100)), String(absolute % 100).padStart(2, '0'));
        expect(parseNumberText(text, mark)).toBe(value / 100);
      }),
      { numRuns: 2000 },
    );
  });

  it('GIVEN a column of amounts with two decimals in any style THEN inference picks that style mark', () => {
    fc.assert(
      fc.property(fc.array(cents, { minLength: 1, maxLength: 50 }), style, (values, name) => {
        const { mark, write } = STYLES[name]!;
        const texts = values.map((value) => {
          const absolute = Math.abs(value);
          return write(value < 0, String(Math.floor(absolute / 100)), String(absolute % 100).padStart(2, '0'));
        });
        expect(inferDecimalMark(texts)).toEqual({ ok: true, mark });
      }),
      { numRuns: 500 },
    );
  });

  it('GIVEN any integer written with thousands commas THEN it reads back with a decimal dot', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e15 + 1, max: 1e15 - 1 }), (value) => {
        const text = `${value < 0 ? '-' : ''}${group(String(Math.abs(value)), ',')}`;
        expect(parseNumberText(text, 'dot')).toBe(value === 0 ? 0 : value);
      }),
    );
  });

  it('GIVEN any double printed by JavaScript without exponent THEN it reads back exactly', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e15, max: 1e15, noNaN: true }), (value) => {
        const text = String(value);
        fc.pre(!text.includes('e'));
        expect(parseNumberText(text, 'dot')).toBe(value === 0 ? 0 : value);
      }),
    );
  });
});
