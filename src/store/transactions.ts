import type { TransactionRow } from '../ingest/types.js';
import type { Db } from './open-database.js';

export interface DatasetTotals {
  rows: number;
  customers: number;
  invoices: number;
  firstTimestamp: number | null;
  lastTimestamp: number | null;
  revenue: number;
}

/** Line items of a workspace's datasets. Every statement filters on guild_id and dataset_id. */
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
  const removeAll = db.prepare<{ guildId: string; datasetId: number }>(
    `DELETE FROM transactions WHERE guild_id = @guildId AND dataset_id = @datasetId`,
  );
  const totals = db.prepare<{ guildId: string; datasetId: number }, DatasetTotals>(
    `SELECT count(*) AS rows, count(DISTINCT customer_id) AS customers, count(DISTINCT invoice) AS invoices,
            min(ts) AS firstTimestamp, max(ts) AS lastTimestamp, coalesce(round(sum(amount), 2), 0) AS revenue
       FROM transactions WHERE guild_id = @guildId AND dataset_id = @datasetId`,
  );

  return {
    /**
     * Inserts rows whose key is not stored yet; returns which rows were (1) and which were already there (0), so
     * the per-customer summaries count only what this upload added. Call inside a transaction: better-sqlite3
     * transactions are synchronous, so the whole upload commits or none of it does.
     * Rows go in key order (see keyOrder): the primary-key B-tree then fills page after page instead of splitting
     * pages at random, which takes a fifth less time in SQLite than file order for Online Retail. A key clash is
     * still won by the row first in the file. Rows go BATCH_ROWS to a statement, which saves a tenth of the time
     * one call per row spends crossing into better-sqlite3 and back; the values are spread as arguments because
     * better-sqlite3 reads an array argument element by element through the V8 API, which is slower. Only a batch
     * that stored fewer rows than it held has its rows looked up one by one, to tell which of them are new.
     */
    insertMany(
      guildId: string,
      datasetId: number,
      uploadId: number,
      rows: RowsToInsert,
      keys: BigInt64Array,
      onProgress?: (written: number) => void,
    ): Uint8Array {
      const order = keyOrder(keys);
      const stored = new Uint8Array(rows.length);
      const values: unknown[] = [];
      const bind = (i: number, start: number) => {
        const at = order[i]!;
        const r = rows.at(at)!;
        values[start] = guildId;
        values[start + 1] = datasetId;
        values[start + 2] = keys[at];
        values[start + 3] = uploadId;
        values[start + 4] = r.line;
        values[start + 5] = r.invoice;
        values[start + 6] = r.customerId;
        values[start + 7] = Math.round(r.timestamp);
        values[start + 8] = r.product;
        values[start + 9] = r.description;
        values[start + 10] = r.quantity;
        values[start + 11] = r.unitPrice;
        values[start + 12] = r.amount;
        values[start + 13] = r.country;
        values[start + 14] = r.category;
        values[start + 15] = r.isReturn ? 1 : 0;
      };
      const markStoredOneByOne = (from: number, to: number) => {
        for (let i = from; i < to; i++) {
          const at = order[i]!;
          const owner = storedBy.get(guildId, datasetId, keys[at]!) as StoredRow | undefined;
          stored[at] = owner !== undefined && isStoredRow(owner, uploadId, rows.at(at)!) ? 1 : 0;
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
          // 65,536 is a multiple of BATCH_ROWS, so progress still comes every 65,536 rows.
          if (onProgress && ((i + BATCH_ROWS) & 0xffff) === 0) onProgress(i + BATCH_ROWS);
        }
        values.length = COLUMNS;
      }
      for (; i < order.length; i++) {
        bind(i, 0);
        stored[order[i]!] = insert.run(...values).changes === 1 ? 1 : 0;
      }
      return stored;
    },
    deleteDataset: (guildId: string, datasetId: number): number => removeAll.run({ guildId, datasetId }).changes,
    totals: (guildId: string, datasetId: number): DatasetTotals => totals.get({ guildId, datasetId })!,
  };
}
export type TransactionsRepository = ReturnType<typeof transactionsRepository>;

/** Rows by position: an array, or rows built one at a time from columns, so a chunk of them need not all be held as objects. */
export interface RowsToInsert {
  readonly length: number;
  at(index: number): TransactionRow | undefined;
}

type StoredRow = [
  uploadId: number, line: number, invoice: string | null, customerId: string | null, ts: number, product: string | null,
  description: string | null, quantity: number | null, unitPrice: number | null, amount: number, country: string | null,
  category: string | null, isReturn: 0 | 1,
];

/**
 * Whether the row stored under a key is this row of this upload. The whole content is compared, not just the
 * line: line numbers restart on every sheet of a workbook, so two rows of one upload can share a line, and if
 * their keys clashed the second would pass for stored.
 */
function isStoredRow(stored: StoredRow, uploadId: number, r: TransactionRow): boolean {
  return (
    stored[0] === uploadId && stored[1] === r.line && stored[2] === r.invoice && stored[3] === r.customerId &&
    stored[4] === Math.round(r.timestamp) && stored[5] === r.product && stored[6] === r.description && stored[7] === r.quantity &&
    stored[8] === r.unitPrice && stored[9] === r.amount && stored[10] === r.country && stored[11] === r.category &&
    stored[12] === (r.isReturn ? 1 : 0)
  );
}

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
