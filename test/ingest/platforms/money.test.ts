import { describe, expect, it } from 'vitest';
import { cleanText, exportCurrency, moneyDecimalMark, readMoney } from '../../../src/ingest/platforms/money.js';
import { IngestError } from '../../../src/ingest/types.js';

const none = { currencyValues: [], moneyValues: [], countryValues: [], header: [] };

describe('platform money', () => {
  it('GIVEN Rupiah written with dot thousands THEN the dots are thousands', () => {
    const mark = moneyDecimalMark([{ name: 'Total Harga Produk', values: ['28.500', '85.000', '1.250.000'] }], 'IDR');
    expect(mark).toBe('comma');
    expect(readMoney('28.500', mark)).toBe(28_500);
    expect(readMoney('Rp 1.250.000', mark)).toBe(1_250_000);
  });

  it('GIVEN only 28.500-like values and nothing saying Rupiah THEN refused as ambiguous, naming the column', () => {
    expect(() => moneyDecimalMark([{ name: 'Price', values: ['28.500', '12.250'] }], null)).toThrow(IngestError);
    try {
      moneyDecimalMark([{ name: 'Price', values: ['28.500', '12.250'] }], null);
    } catch (error) {
      expect((error as IngestError).details).toMatchObject({ column: 'Price', option: 'decimal' });
    }
  });

  it('GIVEN one column that decides THEN the others follow it, even in Rupiah', () => {
    expect(moneyDecimalMark([{ name: 'a', values: ['28500.00'] }, { name: 'b', values: ['12.500'] }], 'IDR')).toBe('dot');
    expect(moneyDecimalMark([{ name: 'a', values: ['$4.00', '-$1.00'] }], null)).toBe('dot');
    expect(moneyDecimalMark([{ name: 'a', values: ['12,50'] }], 'EUR')).toBe('comma');
  });

  it('GIVEN the tricks that keep values as text THEN they are removed', () => {
    expect(cleanText('580000110000000001\t')).toBe('580000110000000001');
    expect(cleanText("'97201")).toBe('97201');
    expect(readMoney('37500\t', 'dot')).toBe(37_500);
  });

  it('GIVEN the signals of a currency THEN the strongest one names it', () => {
    expect(exportCurrency({ ...none, currencyValues: ['usd', 'usd', 'eur'] })).toBe('USD');
    expect(exportCurrency({ ...none, currencyValues: ['usd'], profileCurrency: 'IDR' })).toBe('USD');
    expect(exportCurrency({ ...none, profileCurrency: 'IDR' })).toBe('IDR');
    expect(exportCurrency({ ...none, moneyValues: ['$4.00', '$12.00'] })).toBe('USD');
    expect(exportCurrency({ ...none, moneyValues: ['Rp 28.500'] })).toBe('IDR');
    expect(exportCurrency({ ...none, countryValues: ['Indonesia', 'Indonesia'] })).toBe('IDR');
    expect(exportCurrency({ ...none, countryValues: ['US', 'US', 'GB', 'GB', 'DE'] })).toBeNull();
    expect(exportCurrency({ ...none, header: ['Harga Jual (IDR)'] })).toBe('IDR');
    expect(exportCurrency(none)).toBeNull();
  });
});
