import { beforeAll, describe, expect, it } from 'vitest';
import { chooseK } from '../../src/segment/choose-k.js';
import { customerOrdersOfLines } from '../../src/segment/customer-orders.js';
import { median } from '../../src/segment/median.js';
import { purchaseRhythmOfOrders, type PurchaseRhythm } from '../../src/segment/purchase-rhythm.js';
import { RETURNED_EVERYTHING } from '../../src/segment/returned-everything.js';
import { customerRfm } from '../../src/segment/rfm.js';
import { scaledRfm } from '../../src/segment/scaling.js';
import { quintileScores } from '../../src/segment/scores.js';
import { segmentCustomers } from '../../src/segment/segment-customers.js';
import type { RfmTable, SaleLine } from '../../src/segment/types.js';
import { naiveTimestamp, onlineRetailLines, onlineRetailReference, referenceRfm } from './helpers/online-retail.js';

// Parsed once for the whole file: the CSV is 48 MB.
let lines: SaleLine[];
let gross: RfmTable;
let net: RfmTable;
let rhythm: PurchaseRhythm;
const reference = onlineRetailReference();

beforeAll(() => {
  lines = onlineRetailLines();
  gross = customerRfm(lines, { convention: 'gross' });
  net = customerRfm(lines, { convention: 'net' });
  rhythm = purchaseRhythmOfOrders(customerOrdersOfLines(lines), gross.asOf!);
});

describe.each(['gross', 'net'] as const)('GIVEN UCI Online Retail under the %s convention', (convention) => {
  const table = () => (convention === 'gross' ? gross : net);

  it('THEN as-of is the last purchase + 24 h and every reference customer is there', () => {
    expect(table().asOf).toBe(naiveTimestamp(reference.as_of));
    expect(table().customers).toHaveLength(reference[convention].customers);
  });

  it('THEN recency, frequency, monetary and R/F/M scores match pandas for every customer', () => {
    const expected = referenceRfm(convention);
    const scores = quintileScores(table().customers);
    const mismatches: string[] = [];
    table().customers.forEach((customer, i) => {
      const row = expected.get(customer.customerId);
      const score = scores[i]!;
      if (
        row === undefined ||
        row.recencyDays !== customer.recencyDays ||
        row.frequency !== customer.frequency ||
        Math.abs(row.monetary - customer.monetary) > 0.01 + 1e-9 ||
        row.rScore !== score.r ||
        row.fScore !== score.f ||
        row.mScore !== score.m
      ) {
        mismatches.push(`${customer.customerId}: ${JSON.stringify({ customer, score, row })}`);
      }
    });
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(expected.size).toBe(table().customers.length);
  });

  it('THEN total revenue matches the reference once returns of customers without a purchase are added back', () => {
    // The reference's net revenue also counts 33 customers who only returned goods
    // (-10,411.24); they have no purchase, so they have no RFM row.
    const customers = new Set(table().customers.map((customer) => customer.customerId));
    const returnsOnly =
      convention === 'gross'
        ? 0
        : lines.filter((line) => !customers.has(line.customerId) && line.unitPrice! > 0).reduce((sum, line) => sum + line.amount, 0);
    const revenue = table().customers.reduce((sum, customer) => sum + customer.monetary, 0);
    expect(revenue + returnsOnly).toBeCloseTo(reference[convention].revenue, 1);
  });
});

describe('GIVEN the full 406,829 customer lines', () => {
  it('THEN the gross medians and the net customers at or below zero match the reference', () => {
    expect(median(gross.customers.map((customer) => customer.recencyDays))).toBe(reference.gross.median_recency_days);
    expect(median(gross.customers.map((customer) => customer.frequency))).toBe(reference.gross.median_frequency);
    expect(median(gross.customers.map((customer) => customer.monetary))).toBeCloseTo(reference.gross.median_monetary, 2);
    expect(net.customers.filter((customer) => customer.monetary <= 0)).toHaveLength(reference.net.customers_with_net_monetary_le_0);
    expect(net.customers.find((customer) => customer.customerId === '16446')?.monetary).toBe(2.9);
  });
});

describe('GIVEN the gross log1p z-score matrix', () => {
  it('THEN k-means for k = 2…8 is within 1 % of scikit-learn inertia and 0.01 of its silhouette', () => {
    const { matrix } = scaledRfm(gross.customers);
    const choice = chooseK(matrix, { kMin: 2, kMax: 8, seed: 42 });
    expect(choice.silhouetteSampled).toBe(false);
    for (const candidate of choice.candidates) {
      const expected = reference.kmeans_log1p_zscore_gross[String(candidate.k)]!;
      expect(candidate.inertia, `inertia at k=${candidate.k}`).toBeLessThanOrEqual(1.01 * expected.inertia_n_init_10);
      expect(Math.abs(candidate.silhouette - expected.silhouette), `silhouette at k=${candidate.k}`).toBeLessThanOrEqual(0.01);
      expect(candidate.sizes.reduce((sum, size) => sum + size, 0)).toBe(gross.customers.length);
    }
    expect(choice.candidates.map((candidate) => candidate.k)).toEqual([2, 3, 4, 5, 6, 7, 8]);
  });

  it('THEN choosing k in 3…8 with 10 restarts picks the best silhouette', () => {
    const { matrix } = scaledRfm(gross.customers);
    const choice = chooseK(matrix, { seed: 42 });
    const best = Math.max(...choice.candidates.map((candidate) => candidate.silhouette));
    expect(choice.candidates.find((candidate) => candidate.k === choice.k)?.silhouette).toBe(best);
    // A near tie: our k=3 scores 0.3368 and k=4 0.3358; scikit-learn's labels give 0.3361 and 0.3371.
    expect(choice.k).toBe(3);
  });
});

describe('GIVEN a full segmentation run on the gross table', () => {
  it('THEN the purchase rhythm is measured on the 2,790 customers who bought on two or more days', () => {
    expect(rhythm).toEqual({ customers: 4338, repeatCustomers: 2790, medianRepeatGapDays: 58.9, historyDays: 374 });
    expect(purchaseRhythmOfOrders(customerOrdersOfLines(lines), net.asOf!)).toEqual(rhythm);
  });

  it('THEN every customer gets a cluster, a named segment, a rank and a grid segment', () => {
    const result = segmentCustomers(gross, { seed: 42, rhythm });
    expect(result.method).toBe('kmeans');
    expect(result.k).toBe(3);
    expect(result.segments.map((segment) => segment.label)).toEqual(['Hibernating', 'Potential Loyalists', 'Champions']);
    expect(result.segments.map((segment) => segment.rank)).toEqual([3, 2, 1]);
    expect(result.segments[2]!.explanation.en).toBe('last bought 9 days ago vs 51 days for the typical customer; 11 orders vs 2; spends 4,282 vs 674 (6.3×)');
    expect(result.segments[2]!.explanation.id).toBe(
      'terakhir belanja 9 hari lalu vs 51 hari untuk pelanggan pada umumnya; 11 pesanan vs 2; belanja 4.282 vs 674 (6,3×)',
    );
    expect(result.customers).toHaveLength(4338);
    expect(result.customers.every((customer) => customer.segment !== null && customer.rank !== null)).toBe(true);
  });

  it('THEN names stay unique for every k from 3 to 8 under both conventions', () => {
    for (const table of [gross, net]) {
      for (let k = 3; k <= 8; k++) {
        const result = segmentCustomers(table, { seed: 42, k, kMin: k, kMax: k, restarts: 2, rhythm });
        const labels = result.segments.map((segment) => segment.label);
        expect(new Set(labels).size, labels.join(', ')).toBe(k);
        expect(result.segments.map((segment) => segment.rank).sort((a, b) => a - b)).toEqual(labels.map((_, i) => i + 1));
      }
    }
  });
});

describe('GIVEN the names in absolute time', () => {
  it('THEN no gross cluster of k = 3…8 changes name: those silent for more than three 59-day gaps were Hibernating already', () => {
    const labels = [3, 4, 5, 6, 7, 8].map((k) => segmentCustomers(gross, { seed: 42, k, kMin: k, kMax: k, restarts: 2, rhythm }).segments.map((s) => s.label));
    expect(labels).toEqual([
      ['Hibernating', 'Potential Loyalists', 'Champions'],
      ['Hibernating', 'Loyal Customers', 'Promising', 'Champions'],
      ['Hibernating', 'At Risk', 'Potential Loyalists', 'Promising', 'Champions'],
      ['Hibernating', 'Need Attention', 'About To Sleep', 'Loyal Customers', 'Potential Loyalists', 'Champions'],
      ['Hibernating', 'Need Attention', 'About To Sleep', 'Loyal Customers', 'Potential Loyalists', 'Champions 2', 'Champions'],
      ['Hibernating', 'Need Attention', 'Loyal Customers', 'About To Sleep', 'Promising', 'Potential Loyalists', 'Champions 2', 'Champions'],
    ]);
  });
});

describe('GIVEN the net table, where 14 customers returned everything they bought', () => {
  it('THEN they are left out of k-means and form their own group; 12346 (80,995 items returned the same day) is one of them', () => {
    const result = segmentCustomers(net, { seed: 42, rhythm });
    const returned = result.customers.filter((customer) => customer.segment === RETURNED_EVERYTHING);
    expect(returned).toHaveLength(reference.net.customers_with_net_monetary_le_0);
    expect(returned.every((customer) => customer.cluster === null && customer.rank === null)).toBe(true);
    expect(result.segments.reduce((sum, segment) => sum + segment.size, 0)).toBe(net.customers.length - returned.length);
    expect(result.customers.find((customer) => customer.customerId === '12346')).toMatchObject({ segment: RETURNED_EVERYTHING, gridSegment: 'Hibernating' });
    expect(result.segments.map((segment) => segment.label)).toEqual(['Hibernating', 'Loyal Customers', 'Promising', 'Champions']);
  });
});
