import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestReply } from '../../../src/app/digest/build-digest.js';
import { DIGEST_LIMITS, embedCharacters } from '../../../src/app/digest/digest-reply.js';
import { importUpload } from '../../../src/app/import/import-upload.js';
import type { Reply } from '../../../src/app/reply.js';
import { segmentDataset } from '../../../src/app/segments/segment-dataset.js';
import { createRenderer } from '../../../src/charts/renderer.js';
import { LAPSED_SEGMENTS } from '../../../src/insights/slipping-customers.js';
import { clusterNameOfLabel } from '../../../src/insights/named-movements.js';
import { replyPayload } from '../../../src/transports/discord/reply-payload.js';
import { hasPngSignature, pngSize } from '../../charts/png.js';
import { projectFile, temporaryApp } from '../../helpers.js';

const DAY_MS = 86_400_000;

/** The bundled sample's lines before 1 December 2011, and from then on (InvoiceDate is the fifth column, ISO). */
function sampleSplitAtDecember(): [Uint8Array, Uint8Array] {
  const [header, ...lines] = readFileSync(projectFile('data/sample_online_retail.csv'), 'utf8').trim().split(/\r?\n/);
  const december = (line: string) => /,2011-12-\d\d \d\d:\d\d:\d\d,/.test(line);
  const encode = (part: string[]) => new TextEncoder().encode([header, ...part].join('\n'));
  return [encode(lines.filter((line) => !december(line))), encode(lines.filter(december))];
}

interface DigestData {
  dataset: string;
  asOf: string;
  previousAsOf: string | null;
  lastUpload: { fileName: string; firstSale: string; lastSale: string; stale: boolean; daysSinceUpload: number };
  segments: { name: string; before: { customers: number; revenue: number } | null; after: { customers: number; revenue: number } }[];
  moves: { from: string; to: string; customers: number; revenue: number }[];
  atRisk: { customerId: string; from: string; to: string; lastPurchase: string; spend: number }[];
  newCustomers: { customers: number; revenue: number } | null;
  weeklyRevenue: { weekStart: string; revenue: number }[];
  actions: { segment: string; customers: number; export: string }[];
  files: string[];
}

/** Every limit Discord puts on one message, checked on the plain reply and on the payload the bot would send. */
function expectWithinDiscordLimits(reply: Reply): void {
  const embeds = reply.embeds ?? [];
  expect(embeds.length).toBeLessThanOrEqual(DIGEST_LIMITS.embeds);
  expect(reply.files?.length ?? 0).toBeLessThanOrEqual(DIGEST_LIMITS.files);
  expect(embedCharacters(embeds)).toBeLessThanOrEqual(DIGEST_LIMITS.total);
  expect(reply.text.length).toBeLessThanOrEqual(DIGEST_LIMITS.content);
  for (const embed of embeds) {
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(DIGEST_LIMITS.title);
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(DIGEST_LIMITS.description);
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(25);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeLessThanOrEqual(DIGEST_LIMITS.fieldName);
      expect(field.value.length).toBeLessThanOrEqual(DIGEST_LIMITS.fieldValue);
    }
  }
  // The transport drops what does not fit: nothing may be dropped.
  const payload = replyPayload(reply);
  expect(payload.embeds).toHaveLength(embeds.length);
  expect(payload.files).toHaveLength(reply.files?.length ?? 0);
  expect(payload.content).toBe(reply.text);
}

describe('the weekly digest of a dataset uploaded in two parts', () => {
  const app = { ...temporaryApp(), charts: createRenderer({ kind: 'local' }) };
  const replies: Partial<Record<'en' | 'id', Reply>> = {};
  const guildId = 'guild-digest';
  let firstRun: { runId: number; customers: number };
  let secondRun: { runId: number; customers: number };

  beforeAll(async () => {
    const [november, december] = sampleSplitAtDecember();
    for (const [fileName, bytes] of [['until-november.csv', november], ['december.csv', december]] as const) {
      const upload = await importUpload(app.db, { guildId, userId: 'u', fileName, bytes, mode: 'append', dataset: 'shop', ingest: {} });
      expect(upload.ok).toBe(true);
      const run = segmentDataset(app.db, { guildId, convention: 'net', now: new Date() });
      if (!run.ok) throw new Error(run.code);
      if (fileName === 'until-november.csv') firstRun = run.run;
      else secondRun = run.run;
    }
    for (const locale of ['en', 'id'] as const) replies[locale] = await digestReply(app, { guildId, locale, now: new Date() });
  }, 120_000);
  afterAll(() => app.cleanup());

  const data = () => replies.en!.data as DigestData;

  it('THEN the segments now and before add up to the two runs, and every customer of either run is in exactly one move', () => {
    const { segments, moves } = data();
    expect(segments.reduce((sum, s) => sum + s.after.customers, 0)).toBe(secondRun.customers);
    expect(segments.reduce((sum, s) => sum + s.before!.customers, 0)).toBe(firstRun.customers);
    const gone = moves.filter((m) => m.to === '(gone)').reduce((sum, m) => sum + m.customers, 0);
    expect(moves.reduce((sum, m) => sum + m.customers, 0)).toBe(secondRun.customers + gone);
    expect(data().previousAsOf).not.toBeNull();
    expect(data().asOf > data().previousAsOf!).toBe(true);
  });

  it('THEN the new customers are those of the second run the first did not have', () => {
    const newcomers = app.db
      .prepare(
        `SELECT count(*) FROM run_customers a WHERE a.guild_id = ? AND a.run_id = ?
            AND NOT EXISTS (SELECT 1 FROM run_customers b WHERE b.guild_id = a.guild_id AND b.run_id = ? AND b.customer_id = a.customer_id)`,
      )
      .pluck()
      .get(guildId, secondRun.runId, firstRun.runId);
    expect(newcomers).toBeGreaterThan(0);
    expect(data().newCustomers!.customers).toBe(newcomers);
  });

  it('THEN each customer slipping away moved from a standing segment into a lapsed one, as both runs stored them, most spend first', () => {
    const { atRisk } = data();
    expect(atRisk.length).toBeLessThanOrEqual(10);
    const segmentIn = app.db.prepare(`SELECT coalesce(segment, grid_segment) FROM run_customers WHERE guild_id = ? AND run_id = ? AND customer_id = ?`).pluck();
    for (const customer of atRisk) {
      expect(LAPSED_SEGMENTS).toContain(clusterNameOfLabel(customer.to));
      expect(LAPSED_SEGMENTS).not.toContain(clusterNameOfLabel(customer.from));
      expect(segmentIn.get(guildId, secondRun.runId, customer.customerId)).toBe(customer.to);
      expect(segmentIn.get(guildId, firstRun.runId, customer.customerId)).toBe(customer.from);
      expect(customer.lastPurchase).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(atRisk.map((c) => c.spend)).toEqual([...atRisk.map((c) => c.spend)].sort((a, b) => b - a));
  });

  it('THEN revenue per week covers the 12 weeks to the last sale, Monday to Monday, and adds up to the lines of those weeks', () => {
    const weeks = data().weeklyRevenue;
    expect(weeks).toHaveLength(12);
    expect(weeks.at(-1)!.weekStart).toBe('2011-12-05');
    expect(weeks[0]!.weekStart).toBe('2011-09-19');
    for (const week of weeks) expect(new Date(`${week.weekStart}T00:00:00Z`).getUTCDay()).toBe(1);
    // Independently, through the view that spells every line out: net revenue is what purchases and refunds add up to.
    const total = app.db
      .prepare(`SELECT total(amount) FROM transaction_lines WHERE guild_id = ? AND ts >= ? AND ts < ? AND (unit_price IS NULL OR unit_price > 0)`)
      .pluck()
      .get(guildId, Date.parse('2011-09-19T00:00:00Z'), Date.parse('2011-12-12T00:00:00Z')) as number;
    expect(weeks.reduce((sum, week) => sum + week.revenue, 0)).toBeCloseTo(total, 0);
  });

  it('THEN the last upload is the December file with its dates, fresh', () => {
    expect(data().lastUpload).toMatchObject({ fileName: 'december.csv', firstSale: '2011-12-01', lastSale: '2011-12-09', stale: false, daysSinceUpload: 0 });
  });

  it('THEN three actions name their segment, its size and how to export it', () => {
    const { actions, segments } = data();
    expect(actions).toHaveLength(3);
    for (const action of actions) {
      expect(action.customers).toBe(segments.find((s) => s.name === action.segment)!.after.customers);
      expect(action.export).toBe(`/segment list name:${action.segment}`);
    }
  });

  it('THEN the reply carries the migration chart and the weekly revenue chart as PNG images of their embeds', () => {
    const reply = replies.en!;
    expect(reply.files!.map((f) => f.name)).toEqual(['migration-flow.png', 'weekly-revenue.png']);
    for (const file of reply.files!) {
      expect(hasPngSignature(file.data)).toBe(true);
      expect(pngSize(file.data)).toEqual({ width: 1000, height: 560 });
    }
    expect(reply.embeds!.map((e) => e.image).filter(Boolean)).toEqual(['migration-flow.png', 'weekly-revenue.png']);
    expect(data().files).toEqual(['migration-flow.png', 'weekly-revenue.png']);
  });

  it.each(['en', 'id'] as const)('GIVEN %s THEN the digest is one message within every Discord limit, in that language', (locale) => {
    const reply = replies[locale]!;
    expect(reply.ok).toBe(true);
    expect(reply.embeds).toHaveLength(5);
    expectWithinDiscordLimits(reply);
    const words = reply.embeds!.map((e) => `${e.title} ${e.description ?? ''} ${(e.fields ?? []).map((f) => f.name + f.value).join(' ')}`).join('\n');
    if (locale === 'en') expect(words).toMatch(/Three things to do this week[\s\S]*Export them: `\/segment list name:/);
    else expect(words).toMatch(/Tiga hal untuk dikerjakan minggu ini[\s\S]*Ekspor pelanggannya: `\/segment list name:/);
  });

  it('GIVEN nothing uploaded for three weeks THEN the digest is still built and says its figures have not changed', async () => {
    const later = new Date(Date.now() + 21 * DAY_MS);
    const en = await digestReply({ ...app, charts: undefined }, { guildId, locale: 'en', now: later });
    const id = await digestReply({ ...app, charts: undefined }, { guildId, locale: 'id', now: later });
    expect(en.embeds![0]!.description).toMatch(/Nothing was uploaded for 21 days, so these figures have not changed since/);
    expect(id.embeds![0]!.description).toMatch(/Tidak ada unggahan selama 21 hari, jadi angka-angka ini belum berubah/);
    expect((en.data as DigestData).lastUpload).toMatchObject({ stale: true, daysSinceUpload: 21 });
    // Without a renderer, no images and no embed pointing at one.
    expect(en.files).toBeUndefined();
    expect(en.embeds!.some((e) => e.image)).toBe(false);
  });

  it('GIVEN a scheduled post that was skipped THEN the digest says which', async () => {
    const reply = await digestReply({ ...app, charts: undefined }, { guildId, locale: 'en', now: new Date(), skippedPeriods: ['2026-W49'] });
    expect(reply.embeds![0]!.description).toMatch(/The digest of 2026-W49 was not posted/);
  });
});

describe('the weekly digest of a dataset segmented once', () => {
  const app = temporaryApp();
  afterAll(() => app.cleanup());

  it('GIVEN one run THEN the digest still comes, saying there is nothing to compare yet, with the weeks and the actions', async () => {
    const [november] = sampleSplitAtDecember();
    await importUpload(app.db, { guildId: 'g', userId: 'u', fileName: 'november.csv', bytes: november, mode: 'append', dataset: 'shop', ingest: {} });
    expect(segmentDataset(app.db, { guildId: 'g', convention: 'net', now: new Date() }).ok).toBe(true);
    for (const locale of ['en', 'id'] as const) {
      const reply = await digestReply(app, { guildId: 'g', locale, now: new Date() });
      expect(reply.ok).toBe(true);
      expect(reply.embeds!.map((e) => e.title)).toHaveLength(3);
      expect(reply.embeds![0]!.description).toMatch(locale === 'en' ? /nothing to compare yet/ : /belum ada pembanding/);
      expectWithinDiscordLimits(reply);
      const data = reply.data as DigestData;
      expect(data).toMatchObject({ previousAsOf: null, moves: [], atRisk: [], newCustomers: null });
      expect(data.segments.every((s) => s.before === null)).toBe(true);
      expect(data.weeklyRevenue.at(-1)!.weekStart).toBe('2011-11-28');
      expect(data.actions).toHaveLength(3);
    }
  });

  it('GIVEN no dataset, or one that does not exist THEN the asker is told privately what to do', async () => {
    const nothing = await digestReply(app, { guildId: 'empty', locale: 'en', now: new Date() });
    expect(nothing).toMatchObject({ ok: false, ephemeral: true, data: { error: 'no_datasets' } });
    const missing = await digestReply(app, { guildId: 'g', dataset: 'nope', locale: 'id', now: new Date() });
    expect(missing).toMatchObject({ ok: false, ephemeral: true, data: { error: 'dataset_not_found' } });
    expect(missing.text).toMatch(/Tidak ada dataset 'nope'/);
  });
});
