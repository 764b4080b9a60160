import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importUpload } from '../../../src/app/import/import-upload.js';
import { compareReply } from '../../../src/app/replies/compare-reply.js';
import { runsReply } from '../../../src/app/replies/runs-reply.js';
import { kRunsInWorker } from '../../../src/app/segments/run-k-runs.js';
import { segmentDataset, segmentDatasetOnTwoThreads } from '../../../src/app/segments/segment-dataset.js';
import { compareRuns } from '../../../src/app/segments/compare-runs.js';
import { listRuns } from '../../../src/app/segments/list-runs.js';
import { GONE_SINCE, NEW_SINCE } from '../../../src/insights/migration.js';
import { runsRepository } from '../../../src/store/runs.js';
import { projectFile, temporaryApp } from '../../helpers.js';

const text = readFileSync(projectFile('data/sample_online_retail.csv'), 'utf8');
const [header, ...lines] = text.trimEnd().split('\n');
/** The sample's rows before November 2011 and from then on: two weekly-ish uploads of one shop. */
const dayOf = (line: string) => /\d{4}-\d{2}-\d{2}/.exec(line)![0];
const early = new TextEncoder().encode([header, ...lines.filter((line) => dayOf(line) < '2011-11-01')].join('\n'));
const late = new TextEncoder().encode([header, ...lines.filter((line) => dayOf(line) >= '2011-11-01')].join('\n'));

describe('comparing runs of a dataset', () => {
  let app: ReturnType<typeof temporaryApp>;
  const upload = (guildId: string, bytes: Uint8Array, dataset = 'shop') =>
    importUpload(app.db, { guildId, userId: 'u', fileName: 'orders.csv', bytes, mode: 'append', dataset, ingest: {} });
  const segment = (guildId: string, extra: { k?: number; dataset?: string } = {}) => {
    const outcome = segmentDataset(app.db, { guildId, convention: 'net', now: new Date('2026-01-01T00:00:00Z'), requestedBy: '123456789012345678', ...extra });
    if (!outcome.ok) throw new Error(outcome.code);
    return outcome.run;
  };
  const segmentOf = (guildId: string, runId: number) =>
    new Map(runsRepository(app.db).migrationMembers(guildId, runId).map((member) => [member.customerId, member.segment]));

  beforeEach(() => {
    app = temporaryApp();
  });
  afterEach(() => app.cleanup());

  it('GIVEN an upload, then the next month appended THEN compare (by default the two newest runs) counts stayers, movers and newcomers exactly', async () => {
    await upload('g', early);
    const first = segment('g');
    await upload('g', late);
    const second = segment('g');

    const outcome = compareRuns(app.db, { guildId: 'g' });
    if (!outcome.ok) throw new Error(outcome.code);
    const { comparison } = outcome;
    expect(comparison.from).toMatchObject({ id: first.runId, k: first.k });
    expect(comparison.to).toMatchObject({ id: second.runId, k: second.k });
    expect(comparison.from.asOf! < comparison.to.asOf!).toBe(true);

    // Worked out here from the stored customers, without runMigration.
    const before = segmentOf('g', first.runId);
    const after = segmentOf('g', second.runId);
    const newcomers = [...after.keys()].filter((id) => !before.has(id)).length;
    const stayers = [...after].filter(([id, segment]) => before.get(id) === segment).length;
    const moves = comparison.migration.moves;
    expect(moves.filter((move) => move.from === NEW_SINCE).reduce((sum, move) => sum + move.customers, 0)).toBe(newcomers);
    expect(newcomers).toBeGreaterThan(0);
    expect(moves.filter((move) => move.to === GONE_SINCE)).toEqual([]);
    expect(moves.filter((move) => move.from === move.to).reduce((sum, move) => sum + move.customers, 0)).toBe(stayers);
    for (const change of comparison.migration.segments) {
      expect(change.before.customers).toBe([...before.values()].filter((segment) => segment === change.name).length);
      expect(change.after.customers).toBe([...after.values()].filter((segment) => segment === change.name).length);
    }
    // The later run's clusters first, most valuable first.
    const ranks = runsRepository(app.db).byId('g', second.runId)!.details.segments;
    const rankOf = new Map(ranks.map((segment) => [segment.label, segment.rank]));
    const shownRanks = comparison.migration.segments.map((change) => rankOf.get(change.name)).filter((rank) => rank !== undefined);
    expect(shownRanks).toEqual([...shownRanks].sort((a, b) => a! - b!));
    // The second run followed on from the first.
    expect(comparison.continuity).toMatchObject({ previousRunId: first.runId, previousK: first.k });

    const reply = compareReply(comparison, 'en');
    expect(reply.data).toEqual({
      from: { id: first.runId, asOf: comparison.from.asOf, k: first.k },
      to: { id: second.runId, asOf: comparison.to.asOf, k: second.k },
      segments: comparison.migration.segments.map((segment) => ({
        name: segment.name,
        before: { customers: segment.before.customers, revenue: expect.any(Number) },
        after: { customers: segment.after.customers, revenue: expect.any(Number) },
      })),
      moves: moves.map((move) => ({ from: move.from, to: move.to, customers: move.customers, revenue: expect.any(Number) })),
    });
    expect(reply.text).toMatch(new RegExp(`^Segments of \\*\\*shop\\*\\*: run #${first.runId} \\(as of \\d{4}-\\d{2}-\\d{2}\\) → run #${second.runId}`));
    expect(reply.text).toContain(`${newcomers} customers new since the earlier run`);
    expect(compareReply(comparison, 'id').text).toContain(`${newcomers} pelanggan baru sejak run sebelumnya`);
  });

  it('GIVEN the same data segmented again THEN k is kept, k-means starts from the old centroids and every customer keeps segment and name', async () => {
    await upload('g', early);
    await upload('g', late);
    const first = segment('g');
    const second = segment('g', {});
    expect(second.k).toBe(first.k);
    expect(segmentOf('g', second.runId)).toEqual(segmentOf('g', first.runId));
    const details = runsRepository(app.db).byId('g', second.runId)!.details;
    expect(details.continuity).toMatchObject({ previousRunId: first.runId, previousK: first.k, kDecision: 'kept', warmStarted: true, unmatchedPrevious: [] });
    expect(details.continuity!.matches.every((match) => match.nameKept)).toBe(true);
  });

  it('GIVEN a forced k THEN it wins, and the run records k as forced and from what', async () => {
    await upload('g', early);
    const first = segment('g');
    const forcedK = first.k === 3 ? 5 : 3;
    const second = segment('g', { k: forcedK });
    expect(second.k).toBe(forcedK);
    const continuity = runsRepository(app.db).byId('g', second.runId)!.details.continuity!;
    expect(continuity).toMatchObject({ previousK: first.k, kDecision: 'forced', warmStarted: false });
    expect(continuity.matches).toHaveLength(forcedK);
    expect(continuity.matches.filter((match) => match.previousCluster !== null)).toHaveLength(Math.min(forcedK, first.k!));
  });

  it('GIVEN the two-thread path THEN the warm-started k is computed from the previous centroids there too, and the run equals the one-thread run', async () => {
    // A first run forced to k = 5, then automatic k: of k = 3…8 the other thread computes 7, 5 and 3 (see kSplit), so
    // it is the one warm-starting k = 5. (A forced k again would be clustered here alone.)
    for (const guildId of ['one', 'two']) {
      await upload(guildId, early);
      segment(guildId, { k: 5 });
      await upload(guildId, late);
    }
    const single = segment('one');
    const optionsSeen: unknown[] = [];
    const outcome = await segmentDatasetOnTwoThreads(
      app.db,
      { guildId: 'two', convention: 'net', now: new Date('2026-01-01T00:00:00Z') },
      {
        fromCustomers: 0,
        elsewhere: (matrix, ks, options, signal) => {
          optionsSeen.push({ ...options, ks });
          return kRunsInWorker(matrix, ks, options, signal);
        },
      },
    );
    if (!outcome.ok) throw new Error(outcome.code);
    expect(optionsSeen).toHaveLength(1);
    expect(optionsSeen[0]).toMatchObject({ previous: { k: 5 }, ks: [7, 5, 3] });
    expect(outcome.run.k).toBe(single.k);
    expect(segmentOf('two', outcome.run.runId)).toEqual(segmentOf('one', single.runId));
    const continuity = (guildId: string, runId: number) => runsRepository(app.db).byId(guildId, runId)!.details.continuity;
    expect(continuity('two', outcome.run.runId)).toMatchObject({ ...continuity('one', single.runId), previousRunId: expect.any(Number), kDecision: 'kept', warmStarted: true });
    // The curve's k = 5 point is the warm-started one on both paths.
    const candidates = (guildId: string, runId: number) => runsRepository(app.db).byId(guildId, runId)!.details.candidates;
    expect(candidates('two', outcome.run.runId)).toEqual(candidates('one', single.runId));
  });

  it('GIVEN explicit from and to THEN those runs are compared; a customer missing from the later one counts as gone', async () => {
    await upload('g', early);
    const first = segment('g');
    const second = segment('g');
    await upload('g', late);
    segment('g');
    const someone = [...segmentOf('g', first.runId).keys()][0]!;
    // `/data forget` takes a customer out of every run; a run without them is what a replaced dataset leaves.
    app.db.prepare('DELETE FROM run_customers WHERE guild_id = ? AND run_id = ? AND customer_id = ?').run('g', second.runId, someone);
    const outcome = compareRuns(app.db, { guildId: 'g', from: first.runId, to: second.runId });
    if (!outcome.ok) throw new Error(outcome.code);
    expect(outcome.comparison.migration.moves.filter((move) => move.to === GONE_SINCE)).toEqual([
      expect.objectContaining({ from: segmentOf('g', first.runId).get(someone), customers: 1 }),
    ]);
  });

  it('GIVEN one run only, an unknown run or another dataset\'s run THEN it says what is wrong', async () => {
    await upload('g', early);
    const only = segment('g');
    expect(compareRuns(app.db, { guildId: 'g' })).toEqual({ ok: false, code: 'no_earlier_run', details: { dataset: 'shop', runId: only.runId } });
    expect(compareRuns(app.db, { guildId: 'g', to: 999 })).toEqual({ ok: false, code: 'run_not_found', details: { dataset: 'shop', runId: 999, available: [only.runId] } });
    await upload('g', late, 'other');
    const otherRun = segment('g', { dataset: 'other' });
    expect(compareRuns(app.db, { guildId: 'g', dataset: 'shop', from: otherRun.runId })).toMatchObject({ ok: false, code: 'run_not_found' });
    // Another workspace never sees these runs.
    expect(compareRuns(app.db, { guildId: 'elsewhere', from: only.runId })).toMatchObject({ ok: false, code: 'no_datasets' });
  });

  it('GIVEN runs THEN the list shows them newest first with who asked for each', async () => {
    await upload('g', early);
    const first = segment('g');
    const second = segment('g', { k: 3 });
    const listed = listRuns(app.db, 'g', 'shop');
    if (!listed.ok) throw new Error(listed.code);
    expect(listed.runs.map((run) => [run.runId, run.k, run.runBy])).toEqual([
      [second.runId, 3, '123456789012345678'],
      [first.runId, first.k, '123456789012345678'],
    ]);
    const reply = runsReply(listed.dataset, listed.runs, 'en');
    expect(reply.embeds![0]!.description).toContain(`**#${second.runId}** as of `);
    expect(reply.embeds![0]!.description).toContain('by <@123456789012345678>');
    expect(reply.data).toMatchObject({ dataset: 'shop', runs: [{ id: second.runId, k: 3, convention: 'net', by: '123456789012345678' }, { id: first.runId }] });
    expect(runsReply(listed.dataset, listed.runs, 'id').embeds![0]!.description).toContain('oleh <@123456789012345678>');
    expect(listRuns(app.db, 'g', 'nope')).toMatchObject({ ok: false, code: 'dataset_not_found' });
  });
});
