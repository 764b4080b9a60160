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
  const insert = db.prepare(
    `INSERT OR IGNORE INTO transactions
       (guild_id, dataset_id, row_key, upload_id, line, invoice, customer_id, ts, product, description,
        quantity, unit_price, amount, country, category, is_return)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
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
     * Inserts rows whose key is not stored yet; returns how many were new. Call inside a transaction:
     * better-sqlite3 transactions are synchronous, so the whole upload commits or none of it does.
     */
    insertMany(
      guildId: string,
      datasetId: number,
      uploadId: number,
      rows: readonly TransactionRow[],
      keys: BigInt64Array,
      onProgress?: (written: number) => void,
    ): number {
      let inserted = 0;
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i]!;
        inserted += insert.run(
          guildId, datasetId, keys[i], uploadId, r.line, r.invoice, r.customerId, Math.round(r.timestamp), r.product,
          r.description, r.quantity, r.unitPrice, r.amount, r.country, r.category, r.isReturn ? 1 : 0,
        ).changes;
        if (onProgress && (i & 0xffff) === 0xffff) onProgress(i + 1);
      }
      return inserted;
    },
    deleteDataset: (guildId: string, datasetId: number): number => removeAll.run({ guildId, datasetId }).changes,
    totals: (guildId: string, datasetId: number): DatasetTotals => totals.get({ guildId, datasetId })!,
  };
}
export type TransactionsRepository = ReturnType<typeof transactionsRepository>;

/** An import's page cache, in KiB: Online Retail's table and customer index are about 80 MB of pages. */
const BULK_CACHE_KIB = 65_536;

/**
 * Runs an import's write as one BEGIN IMMEDIATE transaction with settings for a bulk load, restored afterwards.
 * Foreign keys are off: every row references the dataset and upload written in the same transaction, so the two
 * parent lookups per row can only succeed, and nothing the write deletes has dependents to cascade to (SQLite
 * ignores the pragma inside a transaction, hence here rather than in the write). A large page cache keeps the
 * pages being filled in memory instead of spilling them to the WAL and reading them back mid-transaction.
 */
export function writeInBulk<T>(db: Db, write: () => T): T {
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  db.pragma(`cache_size = -${BULK_CACHE_KIB}`);
  try {
    return db.transaction(write).immediate();
  } finally {
    db.pragma(`cache_size = ${cacheSize}`);
    db.pragma(`foreign_keys = ${foreignKeys}`);
  }
}
