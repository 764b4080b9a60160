import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { RawRecord, RawTable } from '../../../src/ingest/types.js';

/**
 * Builds a RawTable the way the first ingest stage does, with papaparse directly, so this stage can be tested on
 * the real files on its own. Line numbers assume no quoted line breaks (true of the shared data sets); the
 * newline that ends the file is not a row.
 */
export function papaTable(file: URL): RawTable {
  const text = readFileSync(file, 'utf8');
  const parsed = Papa.parse<string[]>(text, { delimiter: '' });
  const [header = [], ...data] = parsed.data;
  const last = data.at(-1);
  if (last !== undefined && last.length === 1 && last[0] === '') data.pop();
  const records: RawRecord[] = data.map((cells, i) => ({ line: i + 2, cells }));
  return {
    format: 'csv',
    delimiter: parsed.meta.delimiter,
    encoding: 'utf-8',
    container: 'none',
    header,
    headerLine: 1,
    records,
    recordCount: records.length,
    warnings: [],
  };
}
