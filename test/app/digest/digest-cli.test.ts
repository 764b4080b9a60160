import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectFile } from '../../helpers.js';
import { hasPngSignature } from '../../charts/png.js';
import { segmenta } from '../../transports/cli/run-segmenta.js';

describe('segmenta digest', () => {
  let dir: string;
  let db: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'segmenta-cli-digest-'));
    db = join(dir, 'cli.db');
    const [header, ...lines] = readFileSync(projectFile('data/sample_online_retail.csv'), 'utf8').trim().split(/\r?\n/);
    const december = (line: string) => /,2011-12-\d\d \d\d:\d\d:\d\d,/.test(line);
    writeFileSync(join(dir, 'november.csv'), [header, ...lines.filter((line) => !december(line))].join('\n'));
    writeFileSync(join(dir, 'december.csv'), [header, ...lines.filter(december)].join('\n'));
    for (const file of ['november.csv', 'december.csv']) {
      expect((await segmenta(['upload', join(dir, file), '--dataset', 'shop', '--db', db, '--out', join(dir, 'upload-charts')])).code).toBe(0);
    }
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('GIVEN --json --out DIR THEN it prints the documented shape and writes the charts there, listed by path', async () => {
    const out = join(dir, 'digest');
    const { code, stdout } = await segmenta(['digest', '--dataset', 'shop', '--json', '--out', out, '--db', db]);
    expect(code).toBe(0);
    const digest = JSON.parse(stdout);
    for (const key of ['dataset', 'asOf', 'previousAsOf', 'lastUpload', 'segments', 'moves', 'atRisk', 'newCustomers', 'weeklyRevenue', 'actions', 'files']) {
      expect(digest).toHaveProperty(key);
    }
    expect(digest).toMatchObject({ dataset: 'shop', lastUpload: { fileName: 'december.csv' } });
    expect(digest.previousAsOf < digest.asOf).toBe(true);
    expect(digest.weeklyRevenue).toHaveLength(12);
    expect(Object.keys(digest.weeklyRevenue[0]).sort()).toEqual(['revenue', 'weekStart']);
    expect(Object.keys(digest.moves[0]).sort()).toEqual(['customers', 'from', 'revenue', 'to']);
    expect(digest.files).toEqual([join(out, 'migration-flow.png'), join(out, 'weekly-revenue.png')]);
    for (const path of digest.files) expect(hasPngSignature(readFileSync(path))).toBe(true);
  }, 60_000);

  it('GIVEN no --json THEN it prints the digest as text, in Indonesian with --locale id', async () => {
    const out = join(dir, 'digest-id');
    const { code, stdout } = await segmenta(['digest', '--locale', 'id', '--out', out, '--db', db]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Ringkasan mingguan shop · data per \d+ \w+ 2011\n/);
    expect(stdout).toMatch(/Tiga hal untuk dikerjakan minggu ini/);
    expect(existsSync(join(out, 'weekly-revenue.png'))).toBe(true);
  }, 60_000);

  it('GIVEN a dataset that does not exist THEN it exits 1 and names the ones there are', async () => {
    const { code, stderr } = await segmenta(['digest', '--dataset', 'nope', '--db', db]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/There is no dataset 'nope' in this server\. Datasets: 'shop'/);
  }, 60_000);
});
