import { describe, expect, it } from 'vitest';
import { segmentProfiles } from '../../src/segment/profile.js';
import { customer } from './helpers/sales.js';

describe('segmentProfiles', () => {
  const members = [
    { segment: 'Champions', customer: customer('a', 2, 10, 1000) },
    { segment: 'Champions', customer: customer('b', 4, 6, 600) },
    { segment: 'Hibernating', customer: customer('c', 200, 1, 50) },
    { segment: 'Champions', customer: customer('d', 9, 2, 400) },
    { segment: 'Hibernating', customer: customer('e', 300, 1, 150) },
  ];

  it('GIVEN customers with segments THEN it sums size and revenue with shares, medians and means', () => {
    const [champions, hibernating] = segmentProfiles(members);
    expect(champions).toMatchObject({
      segment: 'Champions',
      customers: 3,
      customerShare: 0.6,
      revenue: 2000,
      revenueShare: 2000 / 2200,
      median: { recencyDays: 4, frequency: 6, monetary: 600 },
      mean: { recencyDays: 5, frequency: 6, monetary: 2000 / 3 },
      averageOrderValue: 111.11,
      topCountries: [],
      topProducts: [],
    });
    expect(hibernating).toMatchObject({ segment: 'Hibernating', customers: 2, revenue: 200, median: { recencyDays: 250 }, averageOrderValue: 100 });
  });

  it('GIVEN countries and product counts THEN it lists the top three of each, ties alphabetical', () => {
    const countryByCustomer = new Map([
      ['a', 'Germany'],
      ['b', 'France'],
      ['d', 'France'],
      ['c', 'United Kingdom'],
    ]);
    const productCountsBySegment = new Map([
      ['Champions', new Map([['Mug', 5], ['Lantern', 9], ['Bag', 5], ['Card', 1]])],
    ]);
    const [champions, hibernating] = segmentProfiles(members, { countryByCustomer, productCountsBySegment });
    expect(champions!.topCountries).toEqual([
      { name: 'France', count: 2, share: 2 / 3 },
      { name: 'Germany', count: 1, share: 1 / 3 },
    ]);
    expect(champions!.topProducts).toEqual([
      { name: 'Lantern', count: 9, share: 0.45 },
      { name: 'Bag', count: 5, share: 0.25 },
      { name: 'Mug', count: 5, share: 0.25 },
    ]);
    expect(hibernating!.topCountries).toEqual([{ name: 'United Kingdom', count: 1, share: 0.5 }]);
    expect(hibernating!.topProducts).toEqual([]);
  });
});
