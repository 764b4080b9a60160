/**
 * npm run bench: the whole Online Retail year as one XLSX workbook (out/online_retail.xlsx, built once), imported
 * the way bench/run.ts imports the CSV, in a process of its own so its peak RSS is its own.
 */
import { benchImport } from './import-file.js';
import { onlineRetailXlsx } from './online-retail-xlsx.js';

await benchImport(await onlineRetailXlsx(), { wallSeconds: 10 });
