import type { Db } from './open-database.js';

export interface DatasetTotals {
  rows: number;
  customers: number;
  invoices: number;
  firstTimestamp: number | null;
  lastTimestamp: number | null;
  revenue: number;
}

/**
 * Line items of a workspace's datasets, their texts numbered in dataset_texts (read them spelled out through the
 * transaction_lines view). Every statement filters on guild_id and dataset_id.
 */
export function transactionsRepository(db: Db) {
  const insertRows = (count: number) =>
    db.prepare(
      `INSERT OR IGNORE INTO transactions
         (guild_id, dataset_id, row_key, upload_id, line, invoice, customer_id, ts, product, description,
          quantity, unit_price, amount, country, category, is_return)
       VALUES ${Array.from({ length: count }, () => ROW_PARAMETERS).join(', ')}`,
    );
  const insert = insertRows(1);
  let insertBatch: ReturnType<typeof insertRows> | undefined;
  const storedBy = db
    .prepare<[string, number, bigint]>(
      `SELECT upload_id, line, invoice, customer_id, ts, product, description, quantity, unit_price, amount, country, category, is_return
         FROM transactions WHERE guild_id = ? AND dataset_id = ? AND row_key = ?`,
    )
    .raw();
  const anyLine = db.prepare<[string, number]>(`SELECT 1 FROM transactions WHERE guild_id = ? AND dataset_id = ? LIMIT 1`).pluck();
  const removeAll = db.prepare<{ guildId: string; datasetId: number }>(
    `DELETE FROM transactions WHERE guild_id = @guildId AND dataset_id = @datasetId`,
  );
  const ofUpload = db
    .prepare<[string, number, number]>(
      `SELECT line, ts, quantity, unit_price, amount, is_return, invoice, customer_id, product, description, country, category
         FROM transactions WHERE guild_id = ? AND dataset_id = ? AND upload_id = ? ORDER BY line`,
    )
    .raw();
  const totals = db.prepare<{ guildId: string; datasetId: number }, DatasetTotals>(
    `SELECT count(*) AS rows, count(DISTINCT customer_id) AS customers, count(DISTINCT invoice) AS invoices,
            min(ts) AS firstTimestamp, max(ts) AS lastTimestamp, coalesce(round(sum(amount), 2), 0) AS revenue
       FROM transactions WHERE guild_id = @guildId AND dataset_id = @datasetId`,
  );

  return {
    /**
     * Inserts lines whose key is not stored yet; returns which lines were (1) and which were already there (0), so
     * the per-customer summaries count only what this upload added. Call inside a transaction: better-sqlite3
     * transactions are synchronous, so the whole upload commits or none of it does.
     * Lines go in key order (see keyOrder): the primary-key B-tree then fills page after page instead of splitting
     * pages at random, which takes a fifth less time in SQLite than file order for Online Retail. A key clash is
     * still won by the line first in the file. Lines go BATCH_ROWS to a statement, which saves a tenth of the time
     * one call per line spends crossing into better-sqlite3 and back; the values are spread as arguments because
     * better-sqlite3 reads an array argument element by element through the V8 API, which is slower. Only a batch
     * that stored fewer lines than it held has its lines looked up one by one, to tell which of them are new.
     */
    insertMany(guildId: string, datasetId: number, uploadId: number, lines: LineColumns): Uint8Array {
      const { keys, invoices, customers, products, descriptions, countries, categories } = lines;
      const order = lines.keyOrder ?? keyOrder(keys.subarray(0, lines.rows));
      if (order.length !== lines.rows) throw new Error(`key order of ${order.length} lines for ${lines.rows}`);
      const stored = new Uint8Array(lines.rows);
      const values: unknown[] = [];
      const bind = (i: number, start: number) => {
        const at = order[i]!;
        values[start] = guildId;
        values[start + 1] = datasetId;
        values[start + 2] = keys[at];
        values[start + 3] = uploadId;
        values[start + 4] = lines.lines[at];
        values[start + 5] = textIdOrNull(invoices[at]!);
        values[start + 6] = textIdOrNull(customers[at]!);
        values[start + 7] = Math.round(lines.timestamps[at]!);
        values[start + 8] = textIdOrNull(products[at]!);
        values[start + 9] = textIdOrNull(descriptions[at]!);
        values[start + 10] = numberOrNull(lines.quantities[at]!);
        values[start + 11] = numberOrNull(lines.unitPrices[at]!);
        values[start + 12] = lines.amounts[at];
        values[start + 13] = textIdOrNull(countries[at]!);
        values[start + 14] = textIdOrNull(categories[at]!);
        values[start + 15] = lines.returns[at];
      };
      const markStoredOneByOne = (from: number, to: number) => {
        for (let i = from; i < to; i++) {
          const at = order[i]!;
          bind(i, 0);
          const owner = storedBy.get(guildId, datasetId, keys[at]!) as unknown[] | undefined;
          // Its whole content, not just the line: line numbers restart on every sheet of a workbook, so two lines of one
          // upload can share a line number, and if their keys clashed the second would pass for stored. The stored
          // columns after the key are values[3..15], in the same order.
          stored[at] = owner !== undefined && owner.every((value, column) => value === values[column + 3]) ? 1 : 0;
        }
      };
      let i = 0;
      if (order.length >= BATCH_ROWS) {
        const batch = (insertBatch ??= insertRows(BATCH_ROWS));
        for (; i + BATCH_ROWS <= order.length; i += BATCH_ROWS) {
          for (let j = 0; j < BATCH_ROWS; j++) bind(i + j, j * COLUMNS);
          if (batch.run(...values).changes === BATCH_ROWS) {
            for (let j = i; j < i + BATCH_ROWS; j++) stored[order[j]!] = 1;
          } else {
            markStoredOneByOne(i, i + BATCH_ROWS);
          }
        }
        values.length = COLUMNS;
      }
      for (; i < order.length; i++) {
        bind(i, 0);
        stored[order[i]!] = insert.run(...values).changes === 1 ? 1 : 0;
      }
      return stored;
    },
    /**
     * One upload's lines in file order (by line number: a workbook's sheets each count from 1), a chunk of
     * LINES_PER_CHUNK at a time, keys left 0: to tally them again, first seen first, as the import did.
     */
    *linesOfUpload(guildId: string, datasetId: number, uploadId: number): Generator<LineColumns> {
      let chunk = emptyLineColumns(LINES_PER_CHUNK);
      for (const row of ofUpload.iterate(guildId, datasetId, uploadId) as Iterable<(number | null)[]>) {
        if (chunk.rows === LINES_PER_CHUNK) {
          yield chunk;
          chunk = emptyLineColumns(LINES_PER_CHUNK);
        }
        const at = chunk.rows++;
        const [line, ts, quantity, unitPrice, amount, isReturn, invoice, customer, product, description, country, category] = row;
        chunk.lines[at] = line!;
        chunk.timestamps[at] = ts!;
        chunk.quantities[at] = quantity ?? NaN;
        chunk.unitPrices[at] = unitPrice ?? NaN;
        chunk.amounts[at] = amount!;
        chunk.returns[at] = isReturn!;
        chunk.invoices[at] = invoice ?? NO_TEXT;
        chunk.customers[at] = customer ?? NO_TEXT;
        chunk.products[at] = product ?? NO_TEXT;
        chunk.descriptions[at] = description ?? NO_TEXT;
        chunk.countries[at] = country ?? NO_TEXT;
        chunk.categories[at] = category ?? NO_TEXT;
      }
      if (chunk.rows > 0) yield chunk;
    },
    hasLines: (guildId: string, datasetId: number): boolean => anyLine.get(guildId, datasetId) !== undefined,
    deleteDataset: (guildId: string, datasetId: number): number => removeAll.run({ guildId, datasetId }).changes,
    totals: (guildId: string, datasetId: number): DatasetTotals => totals.get({ guildId, datasetId })!,
  };
}
export type TransactionsRepository = ReturnType<typeof transactionsRepository>;

/**
 * An upload's lines in columns, as they cross between threads: numbers in typed arrays (NaN for none) and texts as
 * ids (NO_TEXT for none). The ids number the upload's own texts while the lines cross to the writer, which renumbers
 * them as the dataset does before they are stored. The arrays may be longer than `rows`.
 */
export interface LineColumns {
  rows: number;
  keys: BigInt64Array;
  lines: Float64Array;
  timestamps: Float64Array;
  quantities: Float64Array;
  unitPrices: Float64Array;
  amounts: Float64Array;
  returns: Uint8Array;
  invoices: Int32Array;
  customers: Int32Array;
  products: Int32Array;
  descriptions: Int32Array;
  countries: Int32Array;
  categories: Int32Array;
  /** keyOrder of the keys, when the sender worked it out: the import's parsing thread has time the writer has not. */
  keyOrder?: Uint32Array;
}

export const NO_TEXT = -1;

const LINES_PER_CHUNK = 65_536;

/** Columns for `size` lines, none filled yet. */
export function emptyLineColumns(size: number): LineColumns {
  return {
    rows: 0, keys: new BigInt64Array(size), lines: new Float64Array(size), timestamps: new Float64Array(size), quantities: new Float64Array(size),
    unitPrices: new Float64Array(size), amounts: new Float64Array(size), returns: new Uint8Array(size), invoices: new Int32Array(size),
    customers: new Int32Array(size), products: new Int32Array(size), descriptions: new Int32Array(size), countries: new Int32Array(size),
    categories: new Int32Array(size),
  };
}

export const textIdOrNull = (id: number): number | null => (id === NO_TEXT ? null : id);
/** The row rules skip unreadable numbers, so no kept value is NaN: NaN can stand for none. */
export const numberOrNull = (value: number): number | null => (Number.isNaN(value) ? null : value);

const COLUMNS = 16;
const ROW_PARAMETERS = `(${Array.from({ length: COLUMNS }, () => '?').join(', ')})`;
/** Rows per INSERT statement: 2,048 parameters, far below SQLite's 32,766. */
const BATCH_ROWS = 128;

/** Where a 64-bit key's high 32 bits sit in memory: second on little-endian machines, first on s390x. */
const HIGH_HALF = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/** Top bits of a key that choose its bucket in keyOrder: 65,536 buckets of a few rows each, about a page. */
const BUCKET_BITS = 16;

/**
 * Row positions by the top bits of their signed 64-bit keys, in file order within a bucket: a stable counting
 * sort, O(n), close enough to key order for the B-tree and cheaper than sorting 64-bit keys.
 */
export function keyOrder(keys: BigInt64Array): Uint32Array {
  const halves = new Int32Array(keys.buffer, keys.byteOffset, keys.length * 2);
  const bucketOf = (i: number) => (halves[2 * i + HIGH_HALF]! >> (32 - BUCKET_BITS)) + (1 << (BUCKET_BITS - 1));
  const next = new Uint32Array((1 << BUCKET_BITS) + 1);
  for (let i = 0; i < keys.length; i++) next[bucketOf(i) + 1]!++;
  for (let bucket = 1; bucket < next.length; bucket++) next[bucket]! += next[bucket - 1]!;
  const order = new Uint32Array(keys.length);
  for (let i = 0; i < keys.length; i++) order[next[bucketOf(i)]!++] = i;
  return order;
}

/**
 * An import's page cache, in KiB. Rows arrive in key order, so table pages are finished one after another and
 * spill to the WAL at no extra cost; the cache is for the pages a write revisits: an append's rows landing
 * between stored ones, and the per-customer summaries. (It was sized for a customer index filled at random,
 * which migration 5 removed: 16-64 MiB wrote that in the same time, 8 MiB 15 % slower.)
 */
const BULK_CACHE_KIB = 32_768;

/** An open bulk write: ends with exactly one of commit or rollback, which also restore the connection's settings. */
export interface BulkWrite {
  commit(): void;
  rollback(): void;
}

/**
 * Begins an import's write as one BEGIN IMMEDIATE transaction with settings for a bulk load, restored when it ends.
 * Foreign keys are off: every row references the dataset and upload written in the same transaction, so the two
 * parent lookups per row can only succeed, and nothing the write deletes has dependents to cascade to (SQLite
 * ignores the pragma inside a transaction, hence here rather than in the write). A larger page cache keeps the
 * index pages being filled in memory instead of spilling them to the WAL and reading them back mid-transaction.
 * Explicit statements rather than db.transaction(), which cannot span the awaits of rows arriving from another
 * thread.
 */
export function beginBulkWrite(db: Db): BulkWrite {
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  // cache_size is KiB when negative, pages when positive; a connection configured with more keeps its own.
  const cacheKib = cacheSize < 0 ? -cacheSize : (cacheSize * (db.pragma('page_size', { simple: true }) as number)) / 1024;
  const restore = () => {
    db.pragma(`cache_size = ${cacheSize}`);
    db.pragma(`foreign_keys = ${foreignKeys}`);
  };
  db.pragma('foreign_keys = OFF');
  if (cacheKib < BULK_CACHE_KIB) db.pragma(`cache_size = -${BULK_CACHE_KIB}`);
  try {
    db.exec('BEGIN IMMEDIATE');
  } catch (error) {
    restore();
    throw error;
  }
  let ended = false;
  const end = (statement: string) => {
    if (ended) throw new Error('bulk write already ended');
    ended = true;
    try {
      // SQLite may have rolled back already (a full disk, an interrupt): then there is nothing left to end.
      if (statement === 'COMMIT' || db.inTransaction) db.exec(statement);
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw error;
    } finally {
      restore();
    }
  };
  return { commit: () => end('COMMIT'), rollback: () => end('ROLLBACK') };
}

/** Runs a synchronous write as one beginBulkWrite transaction: committed when it returns, rolled back when it throws. */
export function writeInBulk<T>(db: Db, write: () => T): T {
  const bulk = beginBulkWrite(db);
  let result: T;
  try {
    result = write();
  } catch (error) {
    bulk.rollback();
    throw error;
  }
  bulk.commit();
  return result;
}
