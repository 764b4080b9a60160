import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.js';
import { invokeCommand } from '../../commands/invoke.js';
import type { CommandContext } from '../../src/app/context.js';
import { inspectUpload, type Inspection } from '../../src/app/import/inspect-upload.js';
import { inspectReply } from '../../src/app/replies/inspect-reply.js';
import { csv, projectFile, sharedData, temporaryApp } from '../helpers.js';

const SHOPIFY = 'shopify_orders_export.csv';
const shopify = new Uint8Array(readFileSync(sharedData(`platforms/${SHOPIFY}`)));

async function inspection(bytes: Uint8Array, fileName: string, currency?: string): Promise<Inspection> {
  const outcome = await inspectUpload({ fileName, bytes, ingest: { currency } });
  if (!outcome.ok) throw new Error(`${fileName} refused: ${outcome.code} ${JSON.stringify(outcome.details)}`);
  return outcome.inspection;
}

describe('inspectUpload', () => {
  it('GIVEN the Shopify export THEN it names the platform, maps customer to Email and counts the cancelled orders', async () => {
    const seen = await inspection(shopify, SHOPIFY);
    expect(seen).toMatchObject({
      platform: 'shopify',
      platformName: 'Shopify orders export',
      currency: 'USD',
      columns: { customer: 'Email', date: 'Created at', invoice: 'Name', product: 'Lineitem sku', description: 'Lineitem name' },
      amountRule: 'Lineitem quantity × Lineitem price − Lineitem discount',
      rowsRead: 110,
      rowsKept: 94,
      // Seven voided orders, of 16 lines; the first are #1031 (lines 27-29), #1028 (35) and #1051 (41).
      cancelledOrders: 7,
      rowsSkipped: { cancelledOrder: 16 },
      skippedExamples: { cancelledOrder: [27, 28, 29, 35, 41] },
      refundedOrders: 0,
      anonymousRows: 0,
      returnRows: 0,
    });
  });

  it('GIVEN the Shopify export THEN the first five rows are lines 2-6 as they would be stored, order fields carried down', async () => {
    const { firstRows } = await inspection(shopify, SHOPIFY);
    expect(firstRows.map(({ line, invoice, customerId, date, product, description, quantity, unitPrice, amount, country, isReturn }) => ({
      line, invoice, customerId, date, product, description, quantity, unitPrice, amount, country, isReturn,
    }))).toEqual([
      { line: 2, invoice: '#1001', customerId: 'oki.siregar0@example.com', date: '2024-01-03T11:13:59', product: 'STK-PACK', description: 'Sticker Pack', quantity: 2, unitPrice: 4.75, amount: 9.5, country: 'US', isReturn: false },
      { line: 3, invoice: '#1003', customerId: 'rizky.kusuma2@example.com', date: '2024-01-06T14:48:59', product: 'MUG-CER', description: 'Ceramic Mug', quantity: 1, unitPrice: 12.5, amount: 12.5, country: 'US', isReturn: false },
      { line: 4, invoice: '#1017', customerId: 'teguh.wijaya16@example.com', date: '2024-01-07T09:17:26', product: 'CAP-NVY', description: 'Baseball Cap, Navy', quantity: 1, unitPrice: 24, amount: 24, country: 'US', isReturn: false },
      // The second line of #1017 has no buyer or date of its own: the order's are carried down.
      { line: 5, invoice: '#1017', customerId: 'teguh.wijaya16@example.com', date: '2024-01-07T09:17:26', product: 'TEE-BLK-S', description: 'Crew Tee - Black / S', quantity: 1, unitPrice: 19.99, amount: 19.99, country: 'US', isReturn: false },
      { line: 6, invoice: '#1020', customerId: 'wulan.santoso9@example.com', date: '2024-01-11T08:38:40', product: 'STK-PACK', description: 'Sticker Pack', quantity: 1, unitPrice: 4.75, amount: 4.75, country: 'US', isReturn: false },
    ]);
    expect(firstRows[0]?.timestamp).toBe(Date.UTC(2024, 0, 3, 11, 13, 59));
  });

  it('GIVEN a file of several row chunks THEN the first five rows are the file\'s first kept lines', async () => {
    const seen = await inspection(new Uint8Array(readFileSync(projectFile('data/sample_online_retail.csv'))), 'sample_online_retail.csv');
    expect(seen.platform).toBeNull();
    expect(seen.rowsKept).toBeGreaterThan(8_192 * 2);
    expect(seen.firstRows.map((row) => [row.line, row.invoice, row.product, row.amount])).toEqual([
      [2, '536365', '85123A', 15.3],
      [3, '536365', '71053', 20.34],
      [4, '536365', '84406B', 22],
      [5, '536365', '84029G', 20.34],
      [6, '536365', '84029E', 20.34],
    ]);
  });

  it('GIVEN a customer table THEN it answers with the ingest code, as an upload would', async () => {
    const outcome = await inspectUpload({ fileName: 'marketing_campaign.csv', bytes: new Uint8Array(readFileSync(sharedData('marketing_campaign.csv'))), ingest: {} });
    expect(outcome).toMatchObject({ ok: false, code: 'customer_table' });
  });
});

describe('inspect and upload dry_run', () => {
  let app: ReturnType<typeof temporaryApp>;
  const ctx = (): CommandContext => ({ app, guildId: 'guild-a', userId: 'admin', locale: 'en', progress: () => {} });
  const run = (path: string, options: Record<string, unknown>) =>
    invokeCommand(COMMANDS.find((c) => c.path.join(' ') === path)!, ctx(), options, (message, error) => { throw new Error(`${message}: ${String(error)}`); });
  const count = (table: string) => app.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  const file = { fileName: SHOPIFY, bytes: shopify };

  beforeEach(() => {
    app = temporaryApp();
  });
  afterEach(() => app.cleanup());

  it('GIVEN /upload dry_run:true THEN it answers with the inspection and stores nothing', async () => {
    const reply = await run('upload', { file, dry_run: true });
    expect(reply).toMatchObject({ ok: true, data: { platform: 'shopify', rowsKept: 94, cancelledOrders: 7 } });
    expect(reply.text.split('\n').at(-1)).toBe('Nothing was stored (dry run).');
    expect([count('transactions'), count('datasets'), count('uploads')]).toEqual([0, 0, 0]);
  });

  it('GIVEN inspect THEN it answers as the dry run does and stores nothing', async () => {
    const reply = await run('inspect', { file });
    expect(reply).toMatchObject({ ok: true, data: { platform: 'shopify', columns: { customer: 'Email' } } });
    expect(reply.text).toBe((await run('upload', { file, dry_run: true })).text);
    expect([count('transactions'), count('datasets'), count('uploads')]).toEqual([0, 0, 0]);
  });

  it('GIVEN a workspace currency of IDR THEN a generic file\'s `28.500` reads as Rupiah and is shown in IDR', async () => {
    await run('settings', { currency: 'IDR' });
    const bytes = csv(`
Order,Customer,Date,Qty,Price
A1,budi,2024-05-01,2,28.500
`);
    const reply = await run('inspect', { file: { fileName: 'toko.csv', bytes } });
    expect(reply).toMatchObject({ ok: true, data: { currency: 'IDR', firstRows: [{ amount: 57_000 }] } });
    expect(reply.text).toMatch(/The first line as it would be stored .*\n.*· 2 · IDR\s57,000\n/);
  });

  it('GIVEN a file that cannot be read THEN the dry run answers with the upload\'s words', async () => {
    const reply = await run('upload', { file: { fileName: 'marketing_campaign.csv', bytes: new Uint8Array(readFileSync(sharedData('marketing_campaign.csv'))) }, dry_run: true });
    expect(reply).toMatchObject({ ok: false, ephemeral: true, data: { error: 'customer_table' } });
    expect(reply.text).toMatch(/table of customers/);
  });
});

describe('inspectReply', () => {
  it('GIVEN the Shopify inspection in English THEN it says the platform, the first rows, what is set aside and that nothing was stored', async () => {
    const lines = inspectReply(await inspection(shopify, SHOPIFY), 'en').text.split('\n');
    expect(lines[0]).toBe('Dry run of **shopify\\_orders\\_export.csv** (CSV, delimiter ",", utf-8)');
    expect(lines[1]).toBe('Recognised: Shopify orders export — customer = Email, date = Created at, amount = Lineitem quantity × Lineitem price − Lineitem discount');
    expect(lines[2]).toMatch(/^Columns used: invoice ← Name, customer ← Email, date ← Created at, /);
    expect(lines.slice(3)).toEqual([
      'Rows read: 110 · Lines that would be stored: 94',
      'First 5 lines as they would be stored (date · order · customer · product · quantity · amount):',
      '  • 2024-01-03 11:13:59 · \\#1001 · oki.siregar0@\u200bexample.com · STK-PACK Sticker Pack · 2 · US$9.50',
      '  • 2024-01-06 14:48:59 · \\#1003 · rizky.kusuma2@\u200bexample.com · MUG-CER Ceramic Mug · 1 · US$12.50',
      '  • 2024-01-07 09:17:26 · \\#1017 · teguh.wijaya16@\u200bexample.com · CAP-NVY Baseball Cap, Navy · 1 · US$24.00',
      '  • 2024-01-07 09:17:26 · \\#1017 · teguh.wijaya16@\u200bexample.com · TEE-BLK-S Crew Tee - Black / S · 1 · US$19.99',
      '  • 2024-01-11 08:38:40 · \\#1020 · wulan.santoso9@\u200bexample.com · STK-PACK Sticker Pack · 1 · US$4.75',
      'Would be set aside: 16',
      '  • lines of cancelled, failed or unpaid orders: 16 (lines 27, 28, 29, 35, 41)',
      '7 cancelled or unpaid orders left out',
      'Nothing was stored (dry run).',
    ]);
  });

  it('GIVEN the Shopify inspection in Indonesian THEN it says the same in Indonesian', async () => {
    const lines = inspectReply(await inspection(shopify, SHOPIFY), 'id').text.split('\n');
    expect(lines[0]).toBe('Uji coba **shopify\\_orders\\_export.csv** (CSV, pemisah ",", utf-8)');
    expect(lines[1]).toMatch(/^Dikenali: Shopify orders export — customer = Email, /);
    expect(lines).toContain('Baris dibaca: 110 · Baris yang akan disimpan: 94');
    expect(lines).toContain('  • 2024-01-03 11:13:59 · \\#1001 · oki.siregar0@\u200bexample.com · STK-PACK Sticker Pack · 2 · US$9,50');
    expect(lines).toContain('  • baris pesanan batal, gagal, atau belum dibayar: 16 (baris 27, 28, 29, 35, 41)');
    expect(lines).toContain('7 pesanan batal atau belum dibayar tidak dihitung');
    expect(lines.at(-1)).toBe('Tidak ada yang disimpan (uji coba).');
  });

  it('GIVEN a generic file THEN it says no layout was recognised and lists the columns matched by name', async () => {
    const bytes = csv(`
InvoiceNo,CustomerID,InvoiceDate,Quantity,UnitPrice,Description
536365,,2010-12-01 08:26,6,2.55,*WHITE* HANGING HEART T-LIGHT HOLDER IN A LONG DESCRIPTION
536366,17850,2010-12-01 08:28,1,0,POSTAGE
`);
    const reply = inspectReply(await inspection(bytes, 'retail.csv'), 'en');
    const lines = reply.text.split('\n');
    expect(lines[1]).toBe('No platform layout recognised; columns matched by name: invoice ← InvoiceNo, customer ← CustomerID, date ← InvoiceDate, quantity ← Quantity, unitPrice ← UnitPrice, description ← Description');
    expect(lines).toContain('  • 2010-12-01 08:26:00 · 536365 · (no customer id) · \\*WHITE\\* HANGING HEART T-LIGHT HOLDER IN… · 6 · 15.30');
    // POSTAGE is set aside as a non-product line before its zero price is looked at.
    expect(lines).toContain('  • postage, fees and other non-product lines: 1 (line 3)');
    expect(lines).toContain('    most set aside: POSTAGE (1) — to count them, upload again with `non_product_lines: keep`');
    expect(lines).toContain('Sales without a customer id (kept for product and country trends): 1');
    expect(lines.at(-1)).toBe('Nothing was stored (dry run).');
  });
});
