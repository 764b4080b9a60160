import { describe, expect, it } from 'vitest';
import { dataFreshness, STALE_AFTER_DAYS } from '../../src/insights/data-freshness.js';

describe('dataFreshness', () => {
  const now = new Date('2026-12-07T09:00:00Z');

  it('GIVEN an upload 13 days and 23 hours ago THEN it is still fresh', () => {
    expect(dataFreshness('2026-11-23T10:00:00.000Z', now)).toEqual({ daysSinceUpload: 13, stale: false });
  });

  it(`GIVEN an upload ${STALE_AFTER_DAYS} days ago or more THEN the digest nudges (the figures have not changed)`, () => {
    expect(dataFreshness('2026-11-23T09:00:00.000Z', now)).toEqual({ daysSinceUpload: 14, stale: true });
    expect(dataFreshness('2026-10-01T00:00:00.000Z', now)).toEqual({ daysSinceUpload: 67, stale: true });
  });

  it('GIVEN no upload at all THEN it is stale with no day count, and a clock behind the upload counts 0 days', () => {
    expect(dataFreshness(null, now)).toEqual({ daysSinceUpload: null, stale: true });
    expect(dataFreshness('2026-12-08T00:00:00.000Z', now)).toEqual({ daysSinceUpload: 0, stale: false });
  });
});
