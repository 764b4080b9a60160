/**
 * Times the second ingest stage on UCI Online Retail (541,909 rows):
 * `node --expose-gc --import tsx bench/parse-import.ts`.
 * The RawTable is built with papaparse first and not timed. Each run starts after a full GC, as an import does
 * in the bot; the first run includes JIT warm-up.
 */
import { parseImport } from '../src/ingest/parse-import.js';
import { papaTable } from '../test/ingest/helpers/papa-table.js';

const collectGarbage = (globalThis as { gc?: () => void }).gc ?? (() => {});
const table = papaTable(new URL('../../shared/data/online_retail.csv', import.meta.url));
const times: number[] = [];
let rows = 0;
for (let run = 0; run < 7; run++) {
  collectGarbage();
  const start = performance.now();
  rows = parseImport(table, {}).rowsRead;
  times.push(performance.now() - start);
}
const [first, ...warm] = times;
warm.sort((a, b) => a - b);
const median = warm[Math.floor(warm.length / 2)]!;
const perSecond = (ms: number) => Math.round(rows / (ms / 1000)).toLocaleString('en');
console.log(`parseImport: ${rows.toLocaleString('en')} rows`);
console.log(`  first run ${first!.toFixed(0)} ms (${perSecond(first!)} rows/s)`);
console.log(`  warm median ${median.toFixed(0)} ms (${perSecond(median)} rows/s), best ${warm[0]!.toFixed(0)} ms`);
