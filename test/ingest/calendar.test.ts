import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysFromCivil, wallClockMs } from '../../src/ingest/calendar.js';

describe('calendar arithmetic (property)', () => {
  it('GIVEN any date from year 1000 to 9999 THEN daysFromCivil matches Date.UTC', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }), (date) => {
        const days = daysFromCivil(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
        expect(days).toBe(Math.floor(date.getTime() / 86_400_000));
      }),
    );
  });

  it('GIVEN day 29-31 THEN wallClockMs accepts exactly the days Date.UTC keeps in the month', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 28, max: 31 }), (year, month, day) => {
        const kept = new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
        expect(Number.isNaN(wallClockMs(year, month, day, 0, 0, 0, 0))).toBe(!kept);
      }),
    );
  });
});
