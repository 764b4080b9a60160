import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedData } from '../../helpers.js';
import { segmenta } from './run-segmenta.js';

interface UploadJson {
  customers: number;
  orders: number;
  revenue: number;
  rowsImported: number;
  segmentation: { k: number; segments: { name: string; customers: number; revenue: number }[] };
}

describe('segmenta upload of the original CDNOW file, which has no header row', () => {
  let dir: string;
  let db: string;
  const original = sharedData('cdnow/CDNOW_sample.txt');
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'segmenta-headerless-'));
    db = join(dir, 'cli.db');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('GIVEN no options THEN it exits 1 and the message says how to name the columns', async () => {
    const { code, stderr } = await segmenta(['upload', original, '--db', db]);
    expect(code).toBe(1);
    expect(stderr).toContain("line 1 holds 5 values: '00004', '0001', '19970101', '2', '29.33'");
    expect(stderr).toContain('--header none --columns customer,date,quantity,amount');
  });

  it('GIVEN --header none --columns THEN it imports and segments exactly as the headered copy does', async () => {
    const headerless = await segmenta(['upload', original, '--header', 'none', '--columns', 'skip,customer,date,quantity,amount', '--db', db, '--out', dir, '--json']);
    expect(headerless.code).toBe(0);
    const headered = await segmenta(['upload', sharedData('cdnow/cdnow_sample.csv'), '--db', db, '--out', dir, '--json']);
    expect(headered.code).toBe(0);
    const fromOriginal = JSON.parse(headerless.stdout) as UploadJson;
    const fromCopy = JSON.parse(headered.stdout) as UploadJson;
    expect(fromOriginal).toMatchObject({ rowsImported: 6_919, customers: 2_357, orders: 6_696, revenue: 244_091.94 });
    expect(fromCopy).toMatchObject({ rowsImported: fromOriginal.rowsImported, customers: fromOriginal.customers, orders: fromOriginal.orders, revenue: fromOriginal.revenue });
    const segments = (report: UploadJson) => report.segmentation.segments.map(({ name, customers, revenue }) => ({ name, customers, revenue }));
    expect(segments(fromOriginal)).toEqual(segments(fromCopy));
  });
});
