/**
 * npm run bench: the Online Retail year as a .csv.gz (`import-gzip.ts`), and twice over (`import-gzip.ts 2`:
 * 1,083,818 rows, 96 MB of text), imported the way bench/run.ts imports the CSV, each in a process of its own so its
 * peak RSS is its own. The text is inflated again for each pass over it rather than held (issue #12 item 7).
 */
import { benchImport } from './import-file.js';
import { onlineRetailGzip } from './online-retail-gzip.js';

const copies = Number(process.argv[2] ?? 1);
if (!Number.isInteger(copies) || copies < 1) throw new Error(`copies must be a whole number from 1, got ${process.argv[2]}`);
await benchImport(await onlineRetailGzip(copies), { wallSeconds: 10 * copies });
