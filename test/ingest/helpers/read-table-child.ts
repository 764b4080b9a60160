/**
 * Reads one upload with readTable and every one of its records, then prints what was read as JSON: run in a child
 * process with a small heap by gzip-stream.memory.test.ts, so the heap bound applies to reading alone. A second
 * argument sets limits.maxBytes.
 */
import { readFileSync } from 'node:fs';
import { readTable } from '../../../src/ingest/read-table.js';

const [file, maxBytes] = [process.argv[2]!, process.argv[3]];
const table = await readTable(new Uint8Array(readFileSync(file)), file, maxBytes === undefined ? {} : { limits: { maxBytes: Number(maxBytes) } });
let records = 0;
let lastLine = 0;
for (const record of table.records) {
  records++;
  lastLine = record.line;
}
console.log(JSON.stringify({ container: table.container, recordCount: table.recordCount, records, lastLine }));
