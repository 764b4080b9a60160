import type Database from 'better-sqlite3';
import { customerBasketsOfLines } from '../../segment/customer-baskets.js';
import { customerOrdersOfLines } from '../../segment/customer-orders.js';
import { customerSummariesRepository } from '../customer-summaries.js';

/**
 * Per-customer summaries written with the lines at every import, so segmentation and the customer card read
 * thousands of rows instead of every line (Online Retail: 21,816 orders and 4,372 baskets for 406,829 customer
 * lines). They replace transactions_by_customer: filling that index in random customer order was more than
 * half of an import's write, and nothing else needs one customer's lines quickly.
 *
 * - customer_orders: lines summed per (customer, invoice, timestamp); '' stands for "no invoice" because a
 *   primary-key column cannot be null.
 * - customer_baskets: purchase lines per product and lines per country, each a BLOB of little-endian int32
 *   (name id, count) pairs; the names are numbered per dataset in dataset_names. Baskets are only ever read
 *   whole: as JSON with the names spelled out they were 9 MB for Online Retail and took 150 ms to write and
 *   110 ms to read back, as pairs 2 MB.
 */
const schema = /* sql */ `
CREATE TABLE customer_orders (
  guild_id       TEXT NOT NULL,
  dataset_id     INTEGER NOT NULL,
  customer_id    TEXT NOT NULL,
  invoice        TEXT NOT NULL,
  ts             INTEGER NOT NULL,
  lines          INTEGER NOT NULL,
  amount         REAL NOT NULL,
  return_lines   INTEGER NOT NULL,
  purchase_lines INTEGER NOT NULL,
  purchased      REAL NOT NULL,
  refunded       REAL NOT NULL,
  PRIMARY KEY (guild_id, dataset_id, customer_id, invoice, ts),
  FOREIGN KEY (guild_id, dataset_id) REFERENCES datasets (guild_id, dataset_id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

CREATE TABLE dataset_names (
  guild_id   TEXT NOT NULL,
  dataset_id INTEGER NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('product', 'country')),
  name_id    INTEGER NOT NULL,
  name       TEXT NOT NULL,
  PRIMARY KEY (guild_id, dataset_id, kind, name_id),
  UNIQUE (guild_id, dataset_id, kind, name),
  FOREIGN KEY (guild_id, dataset_id) REFERENCES datasets (guild_id, dataset_id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

CREATE TABLE customer_baskets (
  guild_id    TEXT NOT NULL,
  dataset_id  INTEGER NOT NULL,
  customer_id TEXT NOT NULL,
  products    BLOB NOT NULL,
  countries   BLOB NOT NULL,
  PRIMARY KEY (guild_id, dataset_id, customer_id),
  FOREIGN KEY (guild_id, dataset_id) REFERENCES datasets (guild_id, dataset_id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

DROP INDEX transactions_by_customer;
`;

type StoredLine = [
  customerId: string, invoice: string | null, ts: number, quantity: number | null, unitPrice: number | null, amount: number,
  isReturn: 0 | 1, product: string | null, description: string | null, country: string | null,
];

/** Creates the tables, then summarises the lines already stored, dataset by dataset, with the code imports use. */
export function m005CustomerSummaries(db: Database.Database): void {
  db.exec(schema);
  const datasets = db.prepare(`SELECT guild_id, dataset_id FROM datasets`).raw().all() as [string, number][];
  const lines = db
    .prepare<[string, number]>(
      `SELECT customer_id, invoice, ts, quantity, unit_price, amount, is_return, product, description, country
         FROM transactions WHERE guild_id = ? AND dataset_id = ? AND customer_id IS NOT NULL ORDER BY row_key`,
    )
    .raw();
  const summaries = customerSummariesRepository(db);
  for (const [guildId, datasetId] of datasets) {
    const stored = (lines.all(guildId, datasetId) as StoredLine[]).map((r) => ({
      customerId: r[0], invoice: r[1], timestamp: r[2], quantity: r[3], unitPrice: r[4], amount: r[5], isReturn: r[6] === 1,
      product: r[7], description: r[8], country: r[9],
    }));
    summaries.add(guildId, datasetId, customerOrdersOfLines(stored), customerBasketsOfLines(stored));
  }
}
