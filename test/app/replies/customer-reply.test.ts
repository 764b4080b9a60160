import { describe, expect, it } from 'vitest';
import type { CustomerCard } from '../../../src/app/lookup/customer-card.js';
import { customerReply } from '../../../src/app/replies/customer-reply.js';
import { RETURNED_EVERYTHING, RETURNED_EVERYTHING_EXPLANATION } from '../../../src/segment/returned-everything.js';

// Online Retail's 13501 as the sample's run has it: a Hibernating customer whose own figures differ from the cluster's.
const hibernating: CustomerCard = {
  customerId: '13501', dataset: 'shop', currency: null, runId: 1, asOf: '2011-12-10T00:00:00', convention: 'net',
  recencyDays: 288, frequency: 1, monetary: 1310.47, averageOrderValue: 1310.47, returnRate: 0.022,
  firstPurchase: '2011-02-24T10:00:00', lastPurchase: '2011-02-24T10:00:00', tenureDays: 288,
  scores: { r: 1, f: 1, m: 4 }, percentiles: { r: 8.3, f: 0, m: 77.2 },
  segment: 'Hibernating', segmentRank: 6,
  explanation: {
    en: 'last bought 212 days ago vs 57 days for the typical customer; 1.2 orders vs 2; spends 307 vs 602 (0.5×)',
    id: 'terakhir belanja 212 hari lalu vs 57 hari untuk pelanggan pada umumnya; 1,2 pesanan vs 2; belanja 307 vs 602 (0,5×)',
  },
  gridSegment: 'Hibernating', lastPurchases: [], actions: [],
};
const field = (card: CustomerCard, name: string, locale: 'en' | 'id' = 'en') =>
  customerReply(card, locale).embeds![0]!.fields!.find((f) => f.name === name)?.value;

describe('customerReply', () => {
  it('GIVEN a clustered customer THEN the figures under the segment are labelled as its typical customer\'s, not this one\'s', () => {
    expect(field(hibernating, 'Segment')).toBe(
      '**Hibernating** (#6)\nTypical Hibernating customer: _last bought 212 days ago vs 57 days for the typical customer; 1.2 orders vs 2; spends 307 vs 602 (0.5×)_',
    );
    expect(field(hibernating, 'Segmen', 'id')).toMatch(/^\*\*Hibernating\*\* \(#6\)\nPelanggan tipikal Hibernating: _terakhir belanja 212 hari lalu/);
  });

  it('GIVEN a customer who returned everything THEN the explanation, which is about them, has no label', () => {
    const returned = { ...hibernating, segment: RETURNED_EVERYTHING, segmentRank: null, explanation: RETURNED_EVERYTHING_EXPLANATION };
    expect(field(returned, 'Segment')).toBe(`**Returned everything**\n_${RETURNED_EVERYTHING_EXPLANATION.en}_`);
  });

  it('GIVEN the card THEN the customer is named once, by the embed title, with no content line repeating it', () => {
    const reply = customerReply(hibernating, 'en');
    expect(reply.embeds![0]!.title).toBe('Customer 13501');
    expect(reply.text).toBe('');
    expect(customerReply(hibernating, 'id').text).toBe('');
  });

  it('GIVEN a purchase yesterday by a customer of one day THEN "1 day", in English; Indonesian does not inflect', () => {
    const recent = { ...hibernating, recencyDays: 1, tenureDays: 1, firstPurchase: '2011-12-09T10:00:00' };
    expect(field(recent, 'Last purchase')).toBe('1 day ago');
    expect(field(recent, 'Customer since')).toBe('2011-12-09 (1 day)');
    expect(field(hibernating, 'Last purchase')).toBe('288 days ago');
    expect(field(recent, 'Pembelian terakhir', 'id')).toBe('1 hari lalu');
  });
});
