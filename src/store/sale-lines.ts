import type { SaleLine } from '../segment/types.js';
import type { Db } from './open-database.js';

type RawLine = [
  customerId: string, invoice: string | null, ts: number, quantity: number | null, unitPrice: number | null, amount: number,
  isReturn: 0 | 1, product: string | null, country: string | null,
];

/** A sale line with what the profiles count beside RFM: the product (description, else code) and the country. */
export interface ProfiledSaleLine extends SaleLine {
  product: string | null;
  country: string | null;
}

/** A dataset's customer lines, to be walked as many times as the analysis needs. */
export interface ProfiledSaleLines extends Iterable<ProfiledSaleLine> {
  count: number;
}

/** What segmentation reads of a dataset. Anonymous sales have no customer and are left out here. */
export function saleLinesRepository(db: Db) {
  // ORDER BY row_key keeps the read a sequential scan of the primary key. Without it, once a database has table
  // statistics (ANALYZE), the planner reads through transactions_by_customer (customer_id IS NOT NULL looks
  // selective) and looks every row up in the table: 2.3× slower on Online Retail.
  const lines = db
    .prepare<{ guildId: string; datasetId: number }>(
      `SELECT customer_id, invoice, ts, quantity, unit_price, amount, is_return, coalesce(description, product), country
         FROM transactions
        WHERE guild_id = @guildId AND dataset_id = @datasetId AND customer_id IS NOT NULL
        ORDER BY row_key`,
    )
    .raw();

  return {
    /** How SQLite reads the lines, for a test that keeps it a primary-key scan. */
    plan: (guildId: string, datasetId: number): string[] =>
      (db.prepare(`EXPLAIN QUERY PLAN ${lines.source}`).all({ guildId, datasetId }) as { detail: string }[]).map((row) => row.detail),
    /**
     * Every line with a customer id, read once: segmentation also needs each customer's country and the products
     * bought per segment, and each extra query over the dataset costs as much as this one. The rows stay as
     * SQLite handed them over and each pass gets short-lived line objects: holding 400,000 objects more for the
     * whole run cost ~8% of it in garbage collection.
     */
    profiledSaleLines(guildId: string, datasetId: number): ProfiledSaleLines {
      const rows = lines.all({ guildId, datasetId }) as RawLine[];
      return {
        count: rows.length,
        *[Symbol.iterator]() {
          for (const row of rows) {
            yield {
              customerId: row[0], invoice: row[1], timestamp: row[2], quantity: row[3], unitPrice: row[4], amount: row[5],
              isReturn: row[6] === 1, product: row[7], country: row[8],
            };
          }
        },
      };
    },
  };
}
