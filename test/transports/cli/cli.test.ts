import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectFile, sharedData } from '../../helpers.js';
import { segmenta } from './run-segmenta.js';

describe('the segmenta CLI', () => {
  let dir: string;
  let db: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'segmenta-cli-'));
    db = join(dir, 'cli.db');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('GIVEN upload --json THEN it prints the documented report', async () => {
    const { code, stdout } = await segmenta(['upload', projectFile('data/sample_online_retail.csv'), '--db', db, '--json', '--dataset', 'shop']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    for (const key of ['dataset', 'rowsRead', 'rowsImported', 'duplicatesIgnored', 'rowsSkipped', 'customers', 'invoices', 'firstDate', 'lastDate', 'revenue', 'columns', 'warnings']) {
      expect(report).toHaveProperty(key);
    }
    expect(report.dataset).toBe('shop');
    expect(report.rowsImported).toBeGreaterThan(20_000);
    expect(report.columns).toMatchObject({ customer: 'CustomerID', date: 'InvoiceDate' });
  });

  it('GIVEN the chocolate file with its customer column THEN it imports', async () => {
    const { code, stdout } = await segmenta(['upload', sharedData('chocolate_sales.csv'), '--customer-column', 'Sales Person', '--db', db, '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ dataset: 'chocolate_sales', rowsRead: 1094 });
  });

  it('GIVEN a customer table THEN it exits 1 with a message that says so', async () => {
    const { code, stderr } = await segmenta(['upload', sharedData('marketing_campaign.csv'), '--db', db]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/table of customers/);
  });

  it('GIVEN datasets and datasets delete THEN they list and delete within the workspace', async () => {
    const listed = await segmenta(['datasets', '--db', db, '--json']);
    expect(JSON.parse(listed.stdout).datasets.map((d: { name: string }) => d.name)).toEqual(['chocolate_sales', 'shop']);
    const otherGuild = await segmenta(['datasets', '--db', db, '--json', '--guild', 'elsewhere']);
    expect(JSON.parse(otherGuild.stdout).datasets).toEqual([]);
    const deleted = await segmenta(['datasets', 'delete', 'chocolate_sales', '--db', db]);
    expect(deleted.code).toBe(0);
    const after = await segmenta(['datasets', '--db', db, '--json']);
    expect(JSON.parse(after.stdout).datasets.map((d: { name: string }) => d.name)).toEqual(['shop']);
  });

  it('GIVEN a bad setting THEN it stops with a readable list', async () => {
    const { code, stderr } = await segmenta(['datasets', '--db', db], { MAX_UPLOAD_MB: 'lots' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/MAX_UPLOAD_MB/);
  });

  it('GIVEN an unknown command THEN it shows the usage', async () => {
    const { code, stderr } = await segmenta(['frobnicate', '--db', db]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/Usage: segmenta/);
  });
});
