import { describe, expect, it } from 'vitest';
import { segmentColor, withAlpha } from '../../src/charts/palette.js';

const KNOWN_SEGMENTS = [
  'Champions',
  'Loyal',
  'Big Spenders',
  'Potential Loyalists',
  'New',
  'Promising',
  'Need Attention',
  'About To Sleep',
  'At Risk',
  "Can't Lose Them",
  'Hibernating',
];

describe('segmentColor', () => {
  it('GIVEN the known segment names THEN each has its own fixed colour', () => {
    expect(segmentColor('Champions')).toBe('#0072B2');
    expect(segmentColor('At Risk')).toBe('#D55E00');
    expect(new Set(KNOWN_SEGMENTS.map(segmentColor)).size).toBe(KNOWN_SEGMENTS.length);
  });

  it('GIVEN two names for the same segment THEN they share a colour', () => {
    expect(segmentColor('Loyal Customers')).toBe(segmentColor('Loyal'));
    expect(segmentColor('New Customers')).toBe(segmentColor('New'));
  });

  it('GIVEN different case, spacing or a curly apostrophe THEN the colour does not change', () => {
    expect(segmentColor('  can\u2019t   LOSE them ')).toBe(segmentColor("Can't Lose Them"));
  });

  it('GIVEN an unknown name THEN it gets the same fallback colour every time, distinct from the known ones', () => {
    const known = new Set(KNOWN_SEGMENTS.map(segmentColor));
    for (const name of ['Cluster 1', 'Cluster 2', 'Sleeping Giants', 'Pelanggan Musiman']) {
      expect(segmentColor(name)).toMatch(/^#[0-9A-F]{6}$/);
      expect(segmentColor(name)).toBe(segmentColor(name));
      expect(known.has(segmentColor(name))).toBe(false);
    }
  });
});

describe('withAlpha', () => {
  it('GIVEN a #RRGGBB colour THEN it returns rgba with that opacity', () => {
    expect(withAlpha('#0072B2', 0.5)).toBe('rgba(0, 114, 178, 0.5)');
  });

  it('GIVEN something else THEN it refuses', () => {
    expect(() => withAlpha('blue', 0.5)).toThrow(/#RRGGBB/);
  });
});
