import { describe, expect, it } from 'vitest';
import type { Digest } from '../../../src/app/digest/digest-data.js';
import { DIGEST_LIMITS, digestReply, embedCharacters } from '../../../src/app/digest/digest-reply.js';
import { formatDay } from '../../../src/app/digest/digest-words.js';
import type { ReplyFile } from '../../../src/app/reply.js';
import { runMigration, type RunMember } from '../../../src/insights/migration.js';
import { CLUSTER_SEGMENTS } from '../../../src/segment/naming.js';
import { replyPayload } from '../../../src/transports/discord/reply-payload.js';

const at = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const longText = (length: number, seed: string) => seed.repeat(Math.ceil(length / seed.length)).slice(0, length);

/**
 * A digest as large as members can make it: every segment name, ten slipping customers with 100-character ids, a
 * 200-character dataset name, file name and skipped periods, and the longest actions `/playbook set` accepts (300).
 */
function largestDigest(): Digest {
  const before: RunMember[] = [];
  const after: RunMember[] = [];
  CLUSTER_SEGMENTS.forEach((segment, s) => {
    for (let i = 0; i < 50; i++) {
      const customerId = `${segment}-${i}`;
      before.push({ customerId, segment, monetary: 1_234_567.89 });
      after.push({ customerId, segment: CLUSTER_SEGMENTS[(s + i) % CLUSTER_SEGMENTS.length]!, monetary: 9_876_543.21 });
    }
  });
  const migration = runMigration(before, after);
  const action = { channel: 'whatsapp' as const, timing: { en: longText(300, 'soon '), id: longText(300, 'segera ') }, action: { en: longText(300, 'Call them '), id: longText(300, 'Telepon ') } };
  return {
    dataset: longText(200, 'shop_*_'),
    currency: 'IDR',
    convention: 'net',
    run: { runId: 2, asOf: at('2011-12-10'), k: 8 },
    previous: { runId: 1, asOf: at('2011-12-01'), k: 7 },
    kDecision: 'changed',
    lastUpload: { fileName: longText(200, 'export_`_'), uploadedAt: '2026-11-01T00:00:00.000Z', mode: 'append', rowsImported: 1_234_567, firstSale: at('2011-01-01'), lastSale: at('2011-12-09'), daysSinceUpload: 36, stale: true },
    segments: migration.segments,
    moves: migration.moves,
    movements: [1, 2, 3].map((n) => ({ kind: 'downgrade' as const, from: "Can't Lose Them", to: 'Hibernating', customers: 1000 * n, revenue: 123_456_789.5 })),
    atRisk: Array.from({ length: 10 }, (_, i) => ({ customerId: `${longText(97, 'customer@example.com|')}${i}`, from: 'Potential Loyalists', to: "Can't Lose Them", lastPurchase: at('2011-06-30'), monetary: 98_765_432.1 })),
    newCustomers: { customers: 12_345, revenue: 987_654_321, segments: CLUSTER_SEGMENTS.map((segment) => ({ segment, customers: 1_122, revenue: 1_000_000 })) },
    goneCustomers: 4_321,
    weeklyRevenue: Array.from({ length: 12 }, (_, i) => ({ weekStart: new Date(at('2011-09-19') + i * 7 * 86_400_000).toISOString().slice(0, 10), revenue: 1_000_000 * i })),
    actions: ['At Risk', "Can't Lose Them", 'Hibernating'].map((segment) => ({ segment, customers: 50, movedDown: 40, revenue: 123_456_789, reason: 'moved_down' as const, action })),
    skippedPeriods: Array.from({ length: 20 }, (_, i) => `2026-W${String(i + 10).padStart(2, '0')}`),
    migration,
  };
}

const png = (name: string): ReplyFile => ({ name, data: Buffer.from([0x89, 0x50, 0x4e, 0x47]), contentType: 'image/png' });

describe('digestReply', () => {
  it.each(['en', 'id'] as const)('GIVEN the largest digest members can make THEN the %s reply still fits one Discord message, every section kept', (locale) => {
    const reply = digestReply(largestDigest(), locale, [png('migration-flow.png'), png('weekly-revenue.png')]);
    const embeds = reply.embeds!;
    expect(embeds).toHaveLength(5);
    expect(embedCharacters(embeds)).toBeLessThanOrEqual(DIGEST_LIMITS.total);
    // It really was too long before being fitted: the longest texts were cut, marked with "…".
    expect(embeds.some((e) => e.description?.endsWith('…') || e.fields?.some((f) => f.value.endsWith('…')))).toBe(true);
    for (const embed of embeds) {
      expect(embed.description?.length ?? 0).toBeLessThanOrEqual(DIGEST_LIMITS.description);
      for (const field of embed.fields ?? []) {
        expect(field.name.length).toBeLessThanOrEqual(DIGEST_LIMITS.fieldName);
        expect(field.value.length).toBeLessThanOrEqual(DIGEST_LIMITS.fieldValue);
      }
    }
    const payload = replyPayload(reply, { locale });
    expect(payload.embeds).toHaveLength(5);
    expect(payload.files).toHaveLength(2);
    expect(payload.content.length).toBeLessThanOrEqual(DIGEST_LIMITS.content);
    // Every action keeps its export hint: fitting cut the long texts, not whole sections.
    expect(embeds[4]!.fields).toHaveLength(3);
  });

  it('GIVEN changes THEN each segment line shows its arrow and signed change, and "=" when nothing changed', () => {
    const before: RunMember[] = [
      { customerId: 'a', segment: 'Champions', monetary: 1000 },
      { customerId: 'b', segment: 'Champions', monetary: 1000 },
      { customerId: 'c', segment: 'Promising', monetary: 10 },
    ];
    const after: RunMember[] = [
      { customerId: 'a', segment: 'Champions', monetary: 1500 },
      { customerId: 'b', segment: 'At Risk', monetary: 1000 },
      { customerId: 'c', segment: 'Promising', monetary: 10 },
    ];
    const digest = { ...largestDigest(), currency: null, migration: runMigration(before, after), segments: runMigration(before, after).segments, skippedPeriods: [] };
    const field = digestReply(digest, 'en', []).embeds![0]!.fields![0]!;
    expect(field.value.split('\n')).toEqual([
      '**Champions** · 1 customer ▼ -1 · 1.5K ▼ -500',
      '**Promising** · 1 customer = · 10 =',
      '**At Risk** · 1 customer ▲ +1 · 1K ▲ +1K',
    ]);
    expect(digestReply(digest, 'en', []).embeds![0]!.description).toMatch(/The number of segments changed from 7 to 8 \(it fits the data clearly better\)/);
    const indonesian = digestReply(digest, 'id', []).embeds![0]!.fields![0]!;
    expect(indonesian.value.split('\n')[0]).toBe('**Champions** · 1 pelanggan ▼ -1 · 1,5\u00a0rb ▼ -500');
  });
});

describe('days in the digest', () => {
  it('GIVEN a day in September THEN English writes "Sep" like the charts, Indonesian "Sep"', () => {
    expect(formatDay(Date.UTC(2011, 8, 13, 15, 30), 'en')).toBe('13 Sep 2011');
    expect(formatDay(Date.UTC(2011, 11, 9), 'id')).toBe('9 Des 2011');
  });
});
