/**
 * The Online Retail year as a gzipped CSV, for the benchmarks: `../shared/data/online_retail.csv` gzipped as it is
 * (copies = 1, out/online_retail.csv.gz, 7.8 MB) or with its data rows repeated after one header (copies = 2,
 * out/online_retail-x2.csv.gz: 1,083,818 rows, 96 MB of text in 15.6 MB, within the default caps of 50 MB uploaded
 * and 1 GB inflated). Built once, streamed through zlib, so building never weighs on the peak RSS of the bench run
 * that needed it.
 */
import { createReadStream, createWriteStream, existsSync, mkdirSync, openSync, readSync, closeSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createGzip } from 'node:zlib';

const CSV = fileURLToPath(new URL('../../shared/data/online_retail.csv', import.meta.url));

/** The cached .csv.gz's path, built first when it is missing (a few seconds). */
export async function onlineRetailGzip(copies = 1): Promise<string> {
  const target = fileURLToPath(new URL(`../out/online_retail${copies === 1 ? '' : `-x${copies}`}.csv.gz`, import.meta.url));
  if (existsSync(target)) return target;
  console.log(`building ${target} from online_retail.csv (once) …`);
  const bodyStart = headerLength(CSV);
  async function* text() {
    for (let copy = 0; copy < copies; copy++) yield* createReadStream(CSV, { start: copy === 0 ? 0 : bodyStart });
  }
  mkdirSync(dirname(target), { recursive: true });
  // Written beside the cache and renamed, so an interrupted build never leaves a truncated file behind.
  const partial = `${target}.partial`;
  await pipeline(text, createGzip(), createWriteStream(partial));
  renameSync(partial, target);
  return target;
}

/** Bytes up to and including the header line's LF. */
function headerLength(file: string): number {
  const start = Buffer.alloc(4096);
  const fd = openSync(file, 'r');
  try {
    const read = readSync(fd, start, 0, start.length, 0);
    const lf = start.subarray(0, read).indexOf(0x0a);
    if (lf === -1) throw new Error(`${file}: no line break in its first ${read} bytes`);
    return lf + 1;
  } finally {
    closeSync(fd);
  }
}
