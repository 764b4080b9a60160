import { describe, expect, it } from 'vitest';
import { LOST_DIGITS, normaliseId } from '../../src/ingest/ids.js';

describe('normaliseId', () => {
  it.each([
    ['17850.0', '17850'],
    ['17850.00', '17850'],
    ['17850', '17850'],
    ['00123', '00123'],
    ['00123.0', '00123'],
    ['  17850.0 ', '17850'],
    ['536365', '536365'],
    ['C536379', 'C536379'],
    ['A563185', 'A563185'],
    ['17850.5', '17850.5'],
    ['12E45', '12E45'],
    ['Jehu Rudeforth', 'Jehu Rudeforth'],
    ['CA-2016-152156', 'CA-2016-152156'],
  ])('GIVEN the text id %j THEN it is kept as %j', (cell, expected) => {
    expect(normaliseId(cell)).toBe(expected);
  });

  it.each([
    [17850, '17850'],
    [573415, '573415'],
    [12.5, '12.5'],
  ])('GIVEN the XLSX number %d THEN it is %j', (cell, expected) => {
    expect(normaliseId(cell)).toBe(expected);
  });

  it.each(['', '   ', null])('GIVEN blank %j THEN null (an anonymous sale)', (cell) => {
    expect(normaliseId(cell)).toBeNull();
  });

  it.each(['1.23E+11', '1.23e+11', '5E+15', '1.2345678901E+15'])('GIVEN scientific notation %j THEN digits were lost', (cell) => {
    expect(normaliseId(cell)).toBe(LOST_DIGITS);
  });

  it('GIVEN an XLSX number beyond 2^53 THEN digits were lost', () => {
    expect(normaliseId(12345678901234567890)).toBe(LOST_DIGITS);
    expect(normaliseId(Number.NaN)).toBe(LOST_DIGITS);
  });

  it('GIVEN a boolean or a date cell THEN it becomes text', () => {
    expect(normaliseId(true)).toBe('true');
    expect(normaliseId(new Date(Date.UTC(2011, 0, 2)))).toBe('2011-01-02T00:00:00.000Z');
  });
});
