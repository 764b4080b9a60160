import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectFile } from '../../helpers.js';
import { segmenta } from './run-segmenta.js';

describe('the segmentation commands of the segmenta CLI', () => {
  let dir: string;
  let db: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'segmenta-cli-segment-'));
    db = join(dir, 'cli.db');
    const uploaded = await segmenta(['upload', projectFile('data/sample_online_retail.csv'), '--db', db, '--dataset', 'shop', '--json']);
    expect(uploaded.code).toBe(0);
    expect(JSON.parse(uploaded.stdout).segmentation.segments.length).toBeGreaterThanOrEqual(3);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('GIVEN segment --k 4 --convention gross THEN a new run is stored and segments --json shows it', async () => {
    expect((await segmenta(['segment', '--k', '4', '--convention', 'gross', '--as-of', '2011-12-31', '--db', db])).code).toBe(0);
    const { code, stdout } = await segmenta(['segments', '--db', db, '--json']);
    expect(code).toBe(0);
    const view = JSON.parse(stdout);
    expect(view).toMatchObject({ k: 4, convention: 'gross', asOf: '2011-12-31T00:00:00' });
    expect(typeof view.silhouette).toBe('number');
    expect(view.segments).toHaveLength(4);
    for (const key of ['name', 'rank', 'customers', 'revenue', 'recencyMedian', 'frequencyMedian', 'monetaryMedian', 'actions']) {
      expect(view.segments[0]).toHaveProperty(key);
    }
  });

  it('GIVEN customer --json THEN it prints the documented card', async () => {
    const { code, stdout } = await segmenta(['customer', '13694', '--db', db, '--json']);
    expect(code).toBe(0);
    const card = JSON.parse(stdout);
    expect(card).toMatchObject({ customerId: '13694', scores: { r: 5, f: 5, m: 5 } });
    for (const key of ['recencyDays', 'frequency', 'monetary', 'segment', 'gridSegment', 'actions']) expect(card).toHaveProperty(key);
  });

  it('GIVEN customer printed to a pipe THEN the card is plain text that names the customer once', async () => {
    const { code, stdout } = await segmenta(['customer', '13694', '--db', db]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Customer 13694\nLast purchase: /);
    expect(stdout.match(/Customer 13694/g)).toHaveLength(1);
    expect(stdout).toMatch(/\nSegment: [A-Z][\w' ]+ \(#\d\)\nTypical [A-Z][\w' ]+ customer: last bought \d+ days? ago/);
    expect(stdout).not.toMatch(/\*\*|\b_|_\b|\\|\u001b/);
  });

  it('GIVEN export SEGMENT --out FILE.csv THEN that file holds the segment', async () => {
    const out = join(dir, 'champions.csv');
    const { code } = await segmenta(['export', 'Champions', '--db', db, '--out', out]);
    expect(code).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\r\n');
    expect(lines[0]).toMatch(/^customer_id,recency_days/);
    expect(lines.length).toBeGreaterThan(1);
  });

  it('GIVEN a bad as-of date THEN it exits 1 and says how to write one', async () => {
    const { code, stderr } = await segmenta(['segment', '--as-of', '31/12/2011', '--db', db]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/YYYY-MM-DD/);
  });
});
