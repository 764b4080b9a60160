import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PhaseMark } from '../../../src/app/workers/phase-trace.js';
import { projectFile } from '../../helpers.js';
import { segmenta } from './run-segmenta.js';

describe('segmenta upload --k, traced', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'segmenta-upload-k-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('GIVEN upload --k 5 THEN the upload\'s run has 5 segments, as segment --k would make', async () => {
    const db = join(dir, 'k.db');
    const trace = join(dir, 'trace.jsonl');
    const uploaded = await segmenta(['upload', projectFile('data/sample_online_retail.csv'), '--k', '5', '--db', db, '--out', join(dir, 'out')], { SEGMENTA_PHASE_TRACE: trace });
    expect(uploaded.code).toBe(0);
    const { stdout } = await segmenta(['segments', '--db', db, '--json']);
    expect(JSON.parse(stdout)).toMatchObject({ k: 5 });
    // Only the k asked for was clustered: no curve to choose k from, and no chart of one.
    expect((JSON.parse(stdout) as { candidates: { k: number }[] }).candidates.map((candidate) => candidate.k)).toEqual([5]);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['recency-vs-spend.png', 'segment-profiles.png', 'segment-sizes.png', 'spend-by-segment.png']);

    // SEGMENTA_PHASE_TRACE: every thread of the upload left its marks, in the order the phases run.
    const marks = readFileSync(trace, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as PhaseMark);
    const at = (name: string) => marks.find((mark) => mark.name === name)?.at ?? Number.NaN;
    const order = ['process start', 'cli ready', 'options read', 'bytes received', 'table read', 'rows parsed', 'rows stored', 'committed', 'segmentation start', 'segmentation done', 'outcome received', 'reply ready', 'output written'];
    for (const [before, after] of order.slice(1).map((name, i) => [order[i]!, name] as const)) expect(at(after), `${before} → ${after}`).toBeGreaterThanOrEqual(at(before));
    expect(new Set(marks.map((mark) => mark.thread)).size).toBeGreaterThanOrEqual(3);
    expect(marks.some((mark) => mark.name === 'chart drawn')).toBe(true);
  });

  it('GIVEN upload --k 1 THEN it stops before reading, and says what k may be', async () => {
    const { code, stderr } = await segmenta(['upload', projectFile('data/sample_online_retail.csv'), '--k', '1', '--db', join(dir, 'bad.db')]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/\bk\b/);
  });
});
