/**
 * The whole Online Retail year as one XLSX workbook, for the benchmarks: built once from
 * `../shared/data/online_retail.csv` with write-excel-file and cached as `out/online_retail.xlsx`.
 * Cells are typed the way the 40k sample is (online_retail_40k_sample.xlsx): whole-number invoices, stock codes and
 * customer ids as numbers, InvoiceDate as a date cell, quantities and prices as numbers, the rest as text.
 */
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import writeXlsxFile, { type Row } from 'write-excel-file/node';

const CSV = fileURLToPath(new URL('../../shared/data/online_retail.csv', import.meta.url));
export const ONLINE_RETAIL_XLSX = fileURLToPath(new URL('../out/online_retail.xlsx', import.meta.url));

const WHOLE_NUMBER = /^\d+$/;
const NUMBER = /^-?\d+(\.\d+)?$/;
/** `2010-12-01 08:26:00`, as written in the CSV. */
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** The cached workbook's path, built first when it is missing (about half a minute). */
export async function onlineRetailXlsx(): Promise<string> {
  if (existsSync(ONLINE_RETAIL_XLSX)) return ONLINE_RETAIL_XLSX;
  console.log(`building ${ONLINE_RETAIL_XLSX} from online_retail.csv (once) …`);
  const { data } = Papa.parse<string[]>(readFileSync(CSV, 'utf8'), { skipEmptyLines: true });
  const [header, ...records] = data;
  if (header === undefined) throw new Error('online_retail.csv is empty');
  const rows: Row[] = [header, ...records.map(typedRow)];
  mkdirSync(dirname(ONLINE_RETAIL_XLSX), { recursive: true });
  // Written beside the cache and renamed, so an interrupted build never leaves a truncated workbook behind.
  const partial = `${ONLINE_RETAIL_XLSX}.partial`;
  await writeXlsxFile(rows, { sheet: 'Online Retail', dateFormat: 'yyyy-mm-dd hh:mm:ss' }).toFile(partial);
  renameSync(partial, ONLINE_RETAIL_XLSX);
  return ONLINE_RETAIL_XLSX;
}

/** InvoiceNo, StockCode, Description, Quantity, InvoiceDate, UnitPrice, CustomerID, Country. */
function typedRow([invoice = '', stockCode = '', description = '', quantity = '', date = '', price = '', customer = '', country = '']: string[]): Row {
  return [
    WHOLE_NUMBER.test(invoice) ? Number(invoice) : invoice,
    WHOLE_NUMBER.test(stockCode) ? Number(stockCode) : stockCode,
    description === '' ? null : description,
    Number(quantity),
    dateCell(date),
    Number(price),
    // Written as a float in the CSV (`17850.0`).
    NUMBER.test(customer) ? Number(customer) : null,
    country,
  ];
}

function dateCell(text: string): Date {
  const parts = ISO_DATE_TIME.exec(text);
  if (parts === null) throw new Error(`online_retail.csv: unexpected InvoiceDate ${text}`);
  const [year, month, day, hour, minute, second] = parts.slice(1).map(Number) as [number, number, number, number, number, number];
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second));
}
