import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importUpload } from '../../../src/app/import/import-upload.js';
import { importReply } from '../../../src/app/replies/import-reply.js';
import { csv, sharedData, temporaryApp } from '../../helpers.js';

describe('the import report of orders', () => {
  let app: ReturnType<typeof temporaryApp>;
  const upload = async (fileName: string, bytes: Uint8Array) => {
    const outcome = await importUpload(app.db, { guildId: 'g', userId: 'u', fileName, bytes, mode: 'append', ingest: {} });
    if (!outcome.ok) throw new Error(outcome.code);
    return outcome.report;
  };
  const ordersLine = (text: string) => text.split('\n').find((line) => line.startsWith('Customers:') || line.startsWith('Pelanggan:'));

  beforeEach(() => {
    app = temporaryApp();
  });
  afterEach(() => app.cleanup());

  it('GIVEN the CDNOW sample, which has no invoice column THEN its orders are its 6,696 customer days, and the reply says so', async () => {
    const report = await upload('cdnow_sample.csv', new Uint8Array(readFileSync(sharedData('cdnow/cdnow_sample.csv'))));
    expect(report).toMatchObject({ customers: 2357, invoices: 0, orders: 6696, ordersArePurchaseDays: true });
    expect(ordersLine(importReply(report, 'en').text)).toBe('Customers: 2,357 · Orders: 6,696 (one per customer per day: the file has no invoice column)');
    expect(ordersLine(importReply(report, 'id').text)).toBe('Pelanggan: 2.357 · Pesanan: 6.696 (satu per pelanggan per hari: file tidak punya kolom invoice)');
  });

  it('GIVEN a file with invoices THEN its orders are its invoices with a purchase, with no note', async () => {
    const report = await upload('shop.csv', csv(`InvoiceNo,CustomerID,InvoiceDate,Quantity,UnitPrice
1,A,2011-01-05 10:00,2,5.00
1,A,2011-01-05 10:00,1,3.00
2,A,2011-01-05 11:00,1,3.00
C3,A,2011-01-06 10:00,-1,3.00
4,B,2011-01-07 10:00,1,3.00
`));
    expect(report).toMatchObject({ customers: 2, invoices: 3, orders: 3, ordersArePurchaseDays: false });
    expect(ordersLine(importReply(report, 'en').text)).toBe('Customers: 2 · Orders: 3');
  });

  it('GIVEN purchase lines without an invoice THEN each customer\'s day is one order, as segmentation counts them', async () => {
    const report = await upload('days.csv', csv(`customer,date,amount
A,2011-01-05 10:00,5.00
A,2011-01-05 18:00,5.00
A,2011-01-06 10:00,5.00
B,2011-01-05 10:00,5.00
`));
    expect(report).toMatchObject({ invoices: 0, orders: 3, ordersArePurchaseDays: true });
  });
});
