import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importUpload } from '../../src/app/import/import-upload.js';
import { datasetNames, listDatasets } from '../../src/app/workspace/datasets.js';
import { forgetCustomer } from '../../src/app/workspace/erasure.js';
import { csv, projectFile, temporaryApp } from '../helpers.js';

const sample = new Uint8Array(readFileSync(projectFile('data/sample_online_retail.csv')));

describe('the dataset listing', () => {
  let app: ReturnType<typeof temporaryApp>;
  const upload = (guildId: string, dataset: string, bytes: Uint8Array) =>
    importUpload(app.db, { guildId, userId: 'u', fileName: 'orders.csv', bytes, mode: 'append', dataset, ingest: {} });
  /** Counted from the lines themselves, without the code under test. */
  const fromLines = (guildId: string) =>
    app.db
      .prepare(
        `SELECT d.name, count(t.row_key) AS rows, count(DISTINCT t.customer_id) AS customers FROM datasets d
           LEFT JOIN transactions t ON t.guild_id = d.guild_id AND t.dataset_id = d.dataset_id
          WHERE d.guild_id = ? GROUP BY d.dataset_id ORDER BY d.name`,
      )
      .all(guildId);

  beforeEach(() => {
    app = temporaryApp();
  });
  afterEach(() => app.cleanup());

  it('GIVEN lines with and without customers, a second server and a forgotten customer THEN rows and customers are those of its own lines', async () => {
    expect((await upload('g', 'shop', sample.slice())).ok).toBe(true);
    // Lines without a customer count as rows, not as customers; one customer buys under two invoices.
    const small = csv(`
InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
1,P1,Mug,2,2011-01-03 10:00,3.5,77,France
2,P1,Mug,1,2011-01-04 10:00,3.5,77,France
3,P2,Cup,1,2011-01-05 10:00,2.0,,France
4,P2,Cup,4,2011-01-06 10:00,2.0,78,Spain
`);
    expect((await upload('g', 'tiny', small)).ok).toBe(true);
    expect((await upload('other', 'shop', sample.slice())).ok).toBe(true);
    forgetCustomer(app.db, 'g', '13694');

    const listed = listDatasets(app, 'g');
    expect(listed.map(({ name, rows, customers }) => ({ name, rows, customers }))).toEqual(fromLines('g'));
    expect(listed.find((d) => d.name === 'tiny')).toMatchObject({ rows: 4, customers: 2 });
    expect(listed.find((d) => d.name === 'shop')!.customers).toBe((fromLines('other') as { customers: number }[])[0]!.customers - 1);
  });

  it('GIVEN datasets in two servers THEN the names for autocomplete are this server\'s, by name', async () => {
    for (const [guildId, name] of [['g', 'zeta'], ['g', 'alpha'], ['other', 'beta']] as const) expect((await upload(guildId, name, sample.slice())).ok).toBe(true);
    expect(datasetNames(app, 'g')).toEqual(['alpha', 'zeta']);
    expect(datasetNames(app, 'nobody')).toEqual([]);
  });
});
