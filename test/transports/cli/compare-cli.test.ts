import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectFile } from '../../helpers.js';
import { segmenta } from './run-segmenta.js';

describe('segmenta compare and runs', () => {
  let dir: string;
  let db: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'segmenta-cli-compare-'));
    db = join(dir, 'cli.db');
    const [header, ...lines] = readFileSync(projectFile('data/sample_online_retail.csv'), 'utf8').trimEnd().split('\n');
    const dayOf = (line: string) => /\d{4}-\d{2}-\d{2}/.exec(line)![0];
    writeFileSync(join(dir, 'early.csv'), [header, ...lines.filter((line) => dayOf(line) < '2011-11-01')].join('\n'));
    writeFileSync(join(dir, 'late.csv'), [header, ...lines.filter((line) => dayOf(line) >= '2011-11-01')].join('\n'));
    expect((await segmenta(['upload', join(dir, 'early.csv'), '--db', db, '--dataset', 'shop'])).code).toBe(0);
    expect((await segmenta(['upload', join(dir, 'late.csv'), '--db', db, '--dataset', 'shop', '--mode', 'append'])).code).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('GIVEN two uploads THEN compare --json prints from, to, segments and moves, with newcomers as "(new)"', async () => {
    const { code, stdout } = await segmenta(['compare', '--db', db, '--json', '--out', dir]);
    expect(code).toBe(0);
    const comparison = JSON.parse(stdout);
    // `files` is what every command's --json adds for the files it wrote: here the migration chart.
    expect(Object.keys(comparison)).toEqual(['from', 'to', 'segments', 'moves', 'files']);
    expect(comparison.files).toEqual([join(dir, 'segment-migration.png')]);
    expect(comparison.from).toEqual({ id: 1, asOf: '2011-11-01T12:01:00', k: expect.any(Number) });
    expect(comparison.to).toEqual({ id: 2, asOf: expect.stringMatching(/^2011-12-\d\dT/), k: expect.any(Number) });
    for (const segment of comparison.segments) {
      expect(Object.keys(segment)).toEqual(['name', 'before', 'after']);
      expect(Object.keys(segment.before)).toEqual(['customers', 'revenue']);
    }
    for (const move of comparison.moves) expect(Object.keys(move)).toEqual(['from', 'to', 'customers', 'revenue']);
    expect(comparison.moves.some((move: { from: string }) => move.from === '(new)')).toBe(true);
    // Moves into a segment add up to its size after; out of it, to its size before.
    for (const segment of comparison.segments) {
      const into = comparison.moves.filter((move: { to: string }) => move.to === segment.name).reduce((sum: number, move: { customers: number }) => sum + move.customers, 0);
      const outOf = comparison.moves.filter((move: { from: string }) => move.from === segment.name).reduce((sum: number, move: { customers: number }) => sum + move.customers, 0);
      expect([into, outOf]).toEqual([segment.after.customers, segment.before.customers]);
    }
  });

  it('GIVEN --from and --to THEN those runs are compared, and a wrong id says which runs exist', async () => {
    const same = await segmenta(['compare', '--db', db, '--from', '2', '--to', '2', '--json', '--out', dir]);
    expect(same.code).toBe(0);
    const comparison = JSON.parse(same.stdout);
    expect(comparison.moves.every((move: { from: string; to: string }) => move.from === move.to)).toBe(true);
    const wrong = await segmenta(['compare', '--db', db, '--from', '9']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain("Dataset 'shop' has no run #9. Its newest runs: #2, #1");
  });

  it('GIVEN runs --json THEN every run is listed newest first with who uploaded the file it followed', async () => {
    const { code, stdout } = await segmenta(['runs', '--db', db, '--json']);
    expect(code).toBe(0);
    const listed = JSON.parse(stdout);
    expect(listed.dataset).toBe('shop');
    expect(listed.runs.map((run: { id: number }) => run.id)).toEqual([2, 1]);
    // The runs followed the uploads, so they are by whoever uploaded: the CLI's user.
    expect(listed.runs[0]).toMatchObject({ method: 'kmeans', convention: 'net', by: process.env.USER ?? 'cli' });
    expect(Object.keys(listed.runs[0])).toEqual(['id', 'asOf', 'k', 'method', 'convention', 'customers', 'createdAt', 'by']);
  });
});
