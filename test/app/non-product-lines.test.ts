import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importUpload } from '../../src/app/import/import-upload.js';
import { importReply } from '../../src/app/replies/import-reply.js';
import { segmentDataset } from '../../src/app/segments/segment-dataset.js';
import { latestRun, runView } from '../../src/app/segments/segment-views.js';
import { isNonProductLine } from '../../src/ingest/non-product-lines.js';
import { csv, projectFile, temporaryApp } from '../helpers.js';

const sample = new Uint8Array(readFileSync(projectFile('data/sample_online_retail.csv')));
const header = 'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country';

/** Twelve customers, each with two orders of one product plus postage, next-day carriage and a voucher line. */
function shopWithFees(): Uint8Array {
  const lines = [header];
  for (let customer = 1; customer <= 12; customer++) {
    for (const month of [3, 9]) {
      const invoice = `${customer}${month}`;
      const date = `2011-0${month}-0${1 + (customer % 9)} 10:00:00`;
      const product = customer % 2 === 0 ? '22633,HAND WARMER UNION JACK' : '85123A,WHITE HANGING HEART T-LIGHT HOLDER';
      lines.push(
        `${invoice},${product},6,${date},2.55,${customer}.0,Germany`,
        `${invoice},POST,POSTAGE,1,${date},18.00,${customer}.0,Germany`,
        `${invoice},23444,Next Day Carriage,1,${date},15.00,${customer}.0,Germany`,
        `${invoice},VCR,Voucher,1,${date},${customer}.00,${customer}.0,Germany`,
      );
    }
  }
  return csv(lines.join('\n') + '\n');
}

describe('non-product lines', () => {
  let app: ReturnType<typeof temporaryApp>;
  beforeEach(() => {
    app = temporaryApp();
  });
  afterEach(() => app.cleanup());

  const upload = (bytes: Uint8Array, nonProductLines: 'skip' | 'keep') =>
    importUpload(app.db, { guildId: 'g', userId: 'u', fileName: 'shop.csv', bytes, mode: 'append', dataset: 'shop', ingest: { nonProductLines } });

  function topProductNames(): string[] {
    const outcome = segmentDataset(app.db, { guildId: 'g', convention: 'net', now: new Date('2026-01-01T00:00:00Z') });
    if (!outcome.ok) throw new Error(outcome.code);
    const latest = latestRun(app.db, 'g', undefined);
    if (!latest.ok) throw new Error(latest.code);
    return (['clusters', 'grid'] as const).flatMap((lens) =>
      runView(app.db, 'g', latest.dataset, latest.run, lens).segments.flatMap((segment) => segment.topProducts.map((product) => product.name)),
    );
  }

  it('GIVEN fee lines skipped THEN the report names the most set aside, and the reply shows them with the way to keep them', async () => {
    const outcome = await upload(shopWithFees(), 'skip');
    if (!outcome.ok) throw new Error(outcome.code);
    expect(outcome.report.rowsSkipped).toEqual({ nonProductLine: 72 });
    expect(outcome.report.topNonProductLines).toEqual([
      { name: 'Next Day Carriage', count: 24 },
      { name: 'POSTAGE', count: 24 },
      { name: 'Voucher', count: 24 },
    ]);
    expect(importReply(outcome.report, 'en').text).toContain(
      '    most set aside: Next Day Carriage (24), POSTAGE (24), Voucher (24) — to count them, upload again with `non_product_lines: keep`',
    );
    expect(importReply(outcome.report, 'id').text).toContain(
      '    terbanyak: Next Day Carriage (24), POSTAGE (24), Voucher (24) — untuk menghitungnya, unggah ulang dengan `non_product_lines: keep`',
    );
  });

  it('GIVEN fee lines kept THEN they count in spend, the report names none, and no top product is one', async () => {
    const outcome = await upload(shopWithFees(), 'keep');
    if (!outcome.ok) throw new Error(outcome.code);
    expect(outcome.report).toMatchObject({ rowsImported: 96, rowsSkipped: {}, topNonProductLines: [] });
    expect(importReply(outcome.report, 'en').text).not.toContain('most set aside');
    const names = topProductNames();
    expect(names.length).toBeGreaterThan(0);
    expect(new Set(names)).toEqual(new Set(['HAND WARMER UNION JACK', 'WHITE HANGING HEART T-LIGHT HOLDER']));
  });

  it('GIVEN the sample export with its postage kept THEN no segment lists a non-product line among its top products', async () => {
    const outcome = await upload(sample, 'keep');
    expect(outcome.ok).toBe(true);
    const names = topProductNames();
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((name) => isNonProductLine(null, name))).toEqual([]);
  });
});
