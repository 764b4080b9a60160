import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importUpload, type ParsedForecast, type UploadRequest } from '../../../src/app/import/import-upload.js';
import { inThreadWriter, type UploadWriter } from '../../../src/app/import/upload-write.js';
import { segmentDataset, segmentForecast, type SegmentOutcome, type SegmentRequest } from '../../../src/app/segments/segment-dataset.js';
import { customerSummariesRepository } from '../../../src/store/customer-summaries.js';
import { datasetsRepository } from '../../../src/store/datasets.js';
import { runsRepository } from '../../../src/store/runs.js';
import { csv, projectFile, temporaryApp } from '../../helpers.js';

const sample = new Uint8Array(readFileSync(projectFile('data/sample_online_retail.csv')));

/**
 * An export whose customer ids sort differently by UTF-16 units and by code points (an emoji above U+FFFF against
 * a private-use U+E000 character), with lines repeated word for word, a return,
 * and an invoice spread over two timestamps.
 */
const tricky = csv(`
InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
1001,A1,RED MUG,2,2011-01-03 10:00,1.50,cust-\u{1F600},France
1001,A1,RED MUG,2,2011-01-03 10:00,1.50,cust-\u{1F600},France
1001,B2,BLUE MUG,1,2011-01-03 10:00,2.25,cust-\u{1F600},France
1002,A1,RED MUG,3,2011-01-04 09:00,1.50,cust-\uE000,Germany
1002,C3,TEA TOWEL,1,2011-01-04 09:05,0.85,cust-\uE000,Germany
C1003,A1,RED MUG,-1,2011-01-05 12:00,1.50,cust-\uE000,Germany
1004,C3,TEA TOWEL,4,2011-02-01 08:00,0.85,cust-a,United Kingdom
1004,C3,TEA TOWEL,4,2011-02-01 08:00,0.85,cust-a,United Kingdom
1005,B2,BLUE MUG,1,2011-03-01 08:00,2.25,cust-b,United Kingdom
`);

describe('the summaries an upload is predicted to leave, worked out while it is stored', () => {
  let app: ReturnType<typeof temporaryApp>;
  beforeEach(() => {
    app = temporaryApp();
  });
  afterEach(() => app.cleanup());

  const request = (bytes: Uint8Array, extra: Partial<UploadRequest> = {}): UploadRequest => ({
    guildId: 'g', userId: 'u', fileName: 'shop.csv', bytes, mode: 'append', dataset: 'shop', ingest: {}, ...extra,
  });
  async function uploadWithForecast(bytes: Uint8Array, extra: Partial<UploadRequest> = {}) {
    let forecast: ParsedForecast | undefined;
    const outcome = await importUpload(app.db, request(bytes, extra), undefined, undefined, {
      forecastSummaries: true,
      onParsed: (parsed) => (forecast = parsed.forecast),
    });
    expect(outcome.ok).toBe(true);
    return { forecast: forecast!, held: forecast === undefined ? undefined : await forecast.held };
  }
  const stored = () => {
    const { datasetId } = datasetsRepository(app.db).find('g', 'shop')!;
    const summaries = customerSummariesRepository(app.db);
    return { orders: summaries.orders('g', datasetId), baskets: summaries.baskets('g', datasetId) };
  };

  it.each([
    ['the sample export', sample],
    ['an export with repeated lines and ids that sort apart by code point', tricky],
  ])('GIVEN %s uploaded into a new dataset THEN the forecast equals what the store reads back, in its order, and it held', async (_, bytes) => {
    const { forecast, held } = await uploadWithForecast(bytes);
    expect(held).toBe(true);
    expect(forecast.summaries).toEqual(stored());
  });

  it('GIVEN a line repeated in one file THEN both count, as the store keeps both; the same file again adds nothing', async () => {
    const { forecast } = await uploadWithForecast(tricky);
    expect(forecast.summaries.orders.find((o) => o.customerId === 'cust-a')).toMatchObject({ lines: 2, amount: 6.8 });
    const again = await uploadWithForecast(tricky, { fileName: 'again.csv' });
    expect(again.forecast).toBeUndefined();
    expect(stored()).toEqual(forecast.summaries);
  });

  it('GIVEN a dataset that already holds lines THEN an append gets no forecast: it is segmented as stored', async () => {
    await importUpload(app.db, request(tricky));
    const { forecast } = await uploadWithForecast(sample);
    expect(forecast).toBeUndefined();
  });

  it('GIVEN the dataset replaced THEN the forecast holds again: the upload is all the dataset has', async () => {
    await importUpload(app.db, request(sample));
    const { forecast, held } = await uploadWithForecast(tricky, { mode: 'replace' });
    expect(held).toBe(true);
    expect(forecast.summaries).toEqual(stored());
  });

  it.each([
    ['sent with the commit', (writer: UploadWriter) => writer],
    ['lost on the way (then tallied from the lines stored)', (writer: UploadWriter): UploadWriter => ({ ...writer, commit: (end, onWritten) => writer.commit({ ...end, summaries: undefined }, onWritten) })],
  ])('GIVEN the summaries %s THEN the store holds what a writer tallying them itself stores', async (_, wrap) => {
    await importUpload(app.db, request(sample), undefined, wrap(inThreadWriter(app.db)), { forecastSummaries: true });
    const other = temporaryApp();
    try {
      await importUpload(other.db, request(sample));
      const { datasetId } = datasetsRepository(other.db).find('g', 'shop')!;
      const summaries = customerSummariesRepository(other.db);
      expect(stored()).toEqual({ orders: summaries.orders('g', datasetId), baskets: summaries.baskets('g', datasetId) });
      expect(stored().orders.length).toBeGreaterThan(100);
    } finally {
      other.cleanup();
    }
  });

  it('GIVEN an upload refused part-way THEN the forecast settles as not held', async () => {
    let forecast: ParsedForecast | undefined;
    const broken = csv('InvoiceNo,Quantity\n1,2\n');
    const outcome = await importUpload(app.db, request(broken), undefined, undefined, {
      forecastSummaries: true,
      onParsed: (parsed) => (forecast = parsed.forecast),
    });
    expect(outcome.ok).toBe(false);
    expect(forecast).toBeUndefined();
  });

  it('GIVEN the forecast segmented before the rows are stored THEN the run stored equals the run segmented from the store', async () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const segmentRequest: SegmentRequest & { dataset: string } = { guildId: 'g', dataset: 'shop', convention: 'net', now };
    const { forecast } = await uploadWithForecast(sample);
    const early = await segmentForecast(app.db, segmentRequest, forecast.summaries, forecast.held, { fromCustomers: Number.POSITIVE_INFINITY });

    const other = temporaryApp();
    try {
      await importUpload(other.db, request(sample));
      const fromStore = segmentDataset(other.db, segmentRequest);
      const runOf = (db: typeof app.db, outcome: SegmentOutcome | undefined) => {
        if (outcome?.ok !== true) throw new Error(`no run: ${JSON.stringify(outcome)}`);
        const run = runsRepository(db).byId('g', outcome.run.runId)!;
        return { k: run.k, asOf: run.asOf, details: run.details, customers: runsRepository(db).customers('g', outcome.run.runId) };
      };
      const a = runOf(app.db, early);
      const b = runOf(other.db, fromStore);
      expect(a.customers.length).toBeGreaterThan(100);
      expect(a).toEqual(b);
    } finally {
      other.cleanup();
    }
  });

  it('GIVEN the forecast did not hold THEN nothing is stored from it', async () => {
    const segmentRequest: SegmentRequest & { dataset: string } = { guildId: 'g', dataset: 'shop', convention: 'net', now: new Date() };
    const { forecast } = await uploadWithForecast(sample);
    const outcome = await segmentForecast(app.db, segmentRequest, forecast.summaries, Promise.resolve(false), { fromCustomers: Number.POSITIVE_INFINITY });
    expect(outcome).toBeUndefined();
    const { datasetId } = datasetsRepository(app.db).find('g', 'shop')!;
    expect(runsRepository(app.db).latest('g', datasetId)).toBeUndefined();
  });
});
