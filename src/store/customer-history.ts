import type { Db } from './open-database.js';

export interface InvoiceSummary {
  invoice: string | null;
  /** Epoch ms (wall clock as UTC) of the invoice's first line. */
  timestamp: number;
  lines: number;
  amount: number;
  isReturn: boolean;
}

/** One customer's purchases, newest first. Every statement filters on guild_id and dataset_id. */
export function customerHistoryRepository(db: Db) {
  // INDEXED BY: the plan must not depend on table statistics. Without them SQLite prefers the primary key's
  // (guild, dataset) prefix and scans the whole dataset for one customer.
  const recent = db.prepare<{ guildId: string; datasetId: number; customerId: string; limit: number }, Omit<InvoiceSummary, 'isReturn'> & { isReturn: 0 | 1 }>(
    `SELECT invoice, min(ts) AS timestamp, count(*) AS lines, round(sum(amount), 2) AS amount, max(is_return) AS isReturn
       FROM transactions INDEXED BY transactions_by_customer
      WHERE guild_id = @guildId AND dataset_id = @datasetId AND customer_id = @customerId
      GROUP BY coalesce(invoice, ts)
      ORDER BY timestamp DESC
      LIMIT @limit`,
  );
  return {
    /** How SQLite finds one customer's invoices, for a test that keeps it on the customer index. */
    plan: (): string[] =>
      (db.prepare(`EXPLAIN QUERY PLAN ${recent.source}`).all({ guildId: '', datasetId: 0, customerId: '', limit: 1 }) as { detail: string }[]).map((row) => row.detail),
    recentInvoices: (guildId: string, datasetId: number, customerId: string, limit: number): InvoiceSummary[] =>
      recent.all({ guildId, datasetId, customerId, limit }).map((row) => ({ ...row, isReturn: row.isReturn === 1 })),
  };
}
