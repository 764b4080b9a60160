import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedData } from '../../helpers.js';
import { segmenta } from './run-segmenta.js';

describe('segmenta inspect and upload --dry-run', () => {
  let dir: string;
  let db: string;
  const shopify = sharedData('platforms/shopify_orders_export.csv');
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'segmenta-inspect-'));
    db = join(dir, 'cli.db');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('GIVEN inspect on the Shopify export THEN it prints the platform, the first rows and that nothing was stored', async () => {
    const { code, stdout } = await segmenta(['inspect', shopify, '--db', db]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Dry run of shopify_orders_export\.csv \(CSV, delimiter ",", utf-8\)\nRecognised: Shopify orders export — customer = Email, /);
    expect(stdout).toContain('  • 2024-01-03 11:13:59 · #1001 · oki.siregar0@example.com · STK-PACK Sticker Pack · 2 · US$9.50\n');
    expect(stdout).toContain('7 cancelled or unpaid orders left out\n');
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('Nothing was stored (dry run).');
  });

  it('GIVEN upload --dry-run --json THEN it prints the inspection and the workspace still has no dataset', async () => {
    const dryRun = await segmenta(['upload', shopify, '--dry-run', '--json', '--db', db]);
    expect(dryRun.code).toBe(0);
    const inspection = JSON.parse(dryRun.stdout);
    expect(inspection).toMatchObject({ platform: 'shopify', columns: { customer: 'Email' }, rowsKept: 94, cancelledOrders: 7 });
    expect(inspection.firstRows).toHaveLength(5);
    const listed = await segmenta(['datasets', '--json', '--db', db]);
    expect(JSON.parse(listed.stdout).datasets).toEqual([]);
  });
});
