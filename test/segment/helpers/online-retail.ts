import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { SaleLine } from '../../../src/segment/types.js';

/** The shared data sets live beside the project root (CI clones shared/ next to it). */
export const SHARED_DIR = new URL('../../../../shared/', import.meta.url);

/** One row of a reference RFM file (shared/reference/online_retail_rfm_*.csv). */
export interface ReferenceRfmRow {
  customerId: string;
  recencyDays: number;
  frequency: number;
  monetary: number;
  rScore: number;
  fScore: number;
  mScore: number;
}

/**
 * Sale lines of UCI Online Retail with a customer id, parsed straight from the CSV so the
 * segment tests do not depend on src/ingest. About 2 s; call once per test file.
 */
export function onlineRetailLines(): SaleLine[] {
  const text = readFileSync(new URL('data/online_retail.csv', SHARED_DIR), 'utf8');
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
  const [header, ...records] = parsed.data;
  if (header === undefined) throw new Error('online_retail.csv has no header');
  const column = (name: string) => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`online_retail.csv has no ${name} column`);
    return index;
  };
  const invoiceAt = column('InvoiceNo');
  const quantityAt = column('Quantity');
  const dateAt = column('InvoiceDate');
  const priceAt = column('UnitPrice');
  const customerAt = column('CustomerID');

  const lines: SaleLine[] = [];
  for (const record of records) {
    const customer = record[customerAt] ?? '';
    if (customer === '') continue;
    const invoice = record[invoiceAt] ?? '';
    const quantity = Number(record[quantityAt]);
    const unitPrice = Number(record[priceAt]);
    lines.push({
      // Written as a float (`17850.0`); the reference files use the integer.
      customerId: String(Math.trunc(Number(customer))),
      invoice,
      timestamp: naiveTimestamp(record[dateAt] ?? ''),
      quantity,
      unitPrice,
      amount: quantity * unitPrice,
      isReturn: invoice.startsWith('C') || quantity < 0,
    });
  }
  return lines;
}

/** `2010-12-01 08:26:00` read as UTC wall-clock time. */
export function naiveTimestamp(text: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (match === null) throw new Error(`unexpected InvoiceDate ${text}`);
  const [, year, month, day, hour, minute, second] = match.map(Number) as number[];
  return Date.UTC(year!, month! - 1, day!, hour!, minute!, second!);
}

/** A reference RFM file, keyed by customer id. */
export function referenceRfm(convention: 'gross' | 'net'): Map<string, ReferenceRfmRow> {
  const text = readFileSync(new URL(`reference/online_retail_rfm_${convention}.csv`, SHARED_DIR), 'utf8');
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  const rows = new Map<string, ReferenceRfmRow>();
  for (const row of parsed.data) {
    const customerId = String(row['customer_id']);
    rows.set(customerId, {
      customerId,
      recencyDays: Number(row['recency_days']),
      frequency: Number(row['frequency']),
      monetary: Number(row['monetary']),
      rScore: Number(row['r_score']),
      fScore: Number(row['f_score']),
      mScore: Number(row['m_score']),
    });
  }
  return rows;
}

interface KmeansReferencePoint {
  inertia_n_init_10: number;
  inertia_best_of_100: number;
  silhouette: number;
  sizes: number[];
}

export interface OnlineRetailReference {
  as_of: string;
  gross: { rows: number; customers: number; revenue: number; median_recency_days: number; median_frequency: number; median_monetary: number };
  net: { customers: number; revenue: number; customers_with_net_monetary_le_0: number };
  kmeans_log1p_zscore_gross: Record<string, KmeansReferencePoint>;
}

/** The Online Retail part of shared/reference/reference.json. */
export function onlineRetailReference(): OnlineRetailReference {
  const json = JSON.parse(readFileSync(new URL('reference/reference.json', SHARED_DIR), 'utf8')) as {
    online_retail: OnlineRetailReference;
  };
  return json.online_retail;
}
