import { describe, expect, it } from 'vitest';
import { segmentsReply } from '../../../src/app/replies/segments-reply.js';
import type { RunView, SegmentView } from '../../../src/app/segments/segment-views.js';

const segment = (extra: Partial<SegmentView>): SegmentView => ({
  name: 'Hibernating', segmentName: 'Hibernating', rank: 1, customers: 82, customerShare: 0.284, revenue: 31259.4, revenueShare: 0.064,
  recencyMedian: 241, frequencyMedian: 1, monetaryMedian: 311.75, recencyMean: 212, frequencyMean: 1.2, monetaryMean: 307,
  averageOrderValue: 250, topCountries: [], topProducts: [], explanation: null, actions: [], ...extra,
});
const view = (segments: SegmentView[], extra: Partial<RunView> = {}): RunView => ({
  runId: 1, dataset: 'shop', lens: 'clusters', method: 'kmeans', k: 2, silhouette: 0.4, silhouetteSampled: false, convention: 'net',
  asOf: '2011-12-10T00:00:00', createdAt: '2026-01-01T00:00:00', customers: 83, fallback: null, candidates: [], rhythm: null, segments, ...extra,
});

describe('segmentsReply', () => {
  it('GIVEN a typical customer of one order THEN the line says "1 order", and "orders" for more', () => {
    const reply = segmentsReply(view([segment({}), segment({ name: 'Champions', rank: 2, customers: 1, recencyMedian: 1, frequencyMedian: 46 })]), 'en');
    const [hibernating, champions] = reply.embeds![0]!.fields!;
    expect(hibernating!.value.split('\n')[1]).toBe('typical customer: bought 241 days ago, 1 order, spent 311.75');
    expect(champions!.value.split('\n')[1]).toBe('typical customer: bought 1 day ago, 46 orders, spent 311.75');
  });

  it('GIVEN a segment of one customer THEN its heading and the summary count customers in the singular', () => {
    const reply = segmentsReply(view([segment({ customers: 1, customerShare: 1 })], { customers: 1 }), 'en');
    expect(reply.embeds![0]!.fields![0]!.name).toBe('1. Hibernating — 1 customer (100%)');
    expect(reply.text.split('\n')[1]).toMatch(/^1 customer · /);
    expect(reply.text.split('\n')[0]).toBe('Segments of **shop**: 2 k-means clusters (silhouette 0.400)');
  });

  it('GIVEN a k set with the k option THEN the summary says no other k was tried, unless the run still has a curve', () => {
    const four = { k: 4, inertia: 10, silhouette: 0.4, sizes: [40, 30, 10, 3] };
    const forced = view([segment({})], { k: 4, forcedK: true, candidates: [four] });
    expect(segmentsReply(forced, 'en').text.split('\n')[2]).toBe('k = 4 was chosen with the k option, so no other k was tried and there is no choosing-k curve.');
    expect(segmentsReply(forced, 'id').text.split('\n')[2]).toBe('k = 4 dipilih lewat opsi k, jadi k lain tidak dicoba dan tidak ada kurva pemilihan k.');
    // A run forced before only one k was clustered carries the whole curve; an automatic run is never forced.
    const withCurve = view([segment({})], { k: 4, forcedK: true, candidates: [{ ...four, k: 3 }, four] });
    expect(segmentsReply(withCurve, 'en').text).not.toMatch(/k option/);
    expect(segmentsReply(view([segment({})], { k: 4, forcedK: false, candidates: [four] }), 'en').text).not.toMatch(/k option/);
  });

  it('GIVEN Indonesian THEN the same counts read without inflection', () => {
    const reply = segmentsReply(view([segment({ customers: 1 })]), 'id');
    expect(reply.embeds![0]!.fields![0]!.name).toMatch(/^1\. Hibernating — 1 pelanggan/);
    expect(reply.embeds![0]!.fields![0]!.value.split('\n')[1]).toBe('pelanggan tipikal: terakhir beli 241 hari lalu, 1 pesanan, belanja 311,75');
  });
});
