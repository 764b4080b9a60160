import { describe, expect, it } from 'vitest';
import { formatCounted, listExamples, nounFor } from '../../src/app/format.js';

const order = { en: { one: 'order', other: 'orders' }, id: { other: 'pesanan' } } as const;

describe('formatCounted', () => {
  it('GIVEN one THEN the English noun is singular, and plural for any other count', () => {
    expect(formatCounted(1, order.en, 'en')).toBe('1 order');
    expect(formatCounted(0, order.en, 'en')).toBe('0 orders');
    expect(formatCounted(2, order.en, 'en')).toBe('2 orders');
    expect(formatCounted(6696, order.en, 'en')).toBe('6,696 orders');
  });

  it('GIVEN a median that is not whole THEN the noun agrees with the number as shown', () => {
    expect(formatCounted(1.4, order.en, 'en')).toBe('1 order');
    expect(formatCounted(1.5, order.en, 'en')).toBe('2 orders');
    expect(nounFor(0.6, order.en, 'en')).toBe('order');
  });

  it('GIVEN Indonesian THEN the noun never inflects and the number uses its separators', () => {
    expect(formatCounted(1, order.id, 'id')).toBe('1 pesanan');
    expect(formatCounted(6696, order.id, 'id')).toBe('6.696 pesanan');
  });
});

describe('listExamples', () => {
  it('GIVEN one example line THEN it is "line", several are "lines"', () => {
    expect(listExamples([7], 'en')).toBe('line 7');
    expect(listExamples([110, 539], 'en')).toBe('lines 110, 539');
    expect(listExamples([7], 'id')).toBe('baris 7');
    expect(listExamples([], 'en')).toBe('');
  });
});
