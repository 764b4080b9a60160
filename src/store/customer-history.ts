import type { Db } from './open-database.js';
import { perConnection } from './per-connection.js';

export interface InvoiceSummary {
  invoice: string | null;
  /** Epoch ms (wall clock as UTC) of the invoice's first line. */
  timestamp: number;
  lines: number;
  amount: number;
  isReturn: boolean;
}

function makeCustomerHistoryRepository(db: Db) {
  const recent = db.prepare<{ guildId: string; datasetId: number; customerId: string; limit: number }, Omit<InvoiceSummary, 'isReturn'> & { isReturn: 0 | 1 }>(
    `SELECT nullif(invoice, '') AS invoice, min(ts) AS timestamp, sum(lines) AS lines, round(sum(amount), 2) AS amount,
            max(return_lines > 0) AS isReturn
       FROM customer_orders
      WHERE guild_id = @guildId AND dataset_id = @datasetId AND customer_id = @customerId
      GROUP BY CASE invoice WHEN '' THEN ts ELSE invoice END
      ORDER BY timestamp DESC
      LIMIT @limit`,
  );
  return {
    /** How SQLite finds one customer's invoices, for a test that keeps it a primary-key search. */
    plan: (): string[] =>
      (db.prepare(`EXPLAIN QUERY PLAN ${recent.source}`).all({ guildId: '', datasetId: 0, customerId: '', limit: 1 }) as { detail: string }[]).map((row) => row.detail),
    recentInvoices: (guildId: string, datasetId: number, customerId: string, limit: number): InvoiceSummary[] =>
      recent.all({ guildId, datasetId, customerId, limit }).map((row) => ({ ...row, isReturn: row.isReturn === 1 })),
  };
}

/**
 * One customer's purchases, newest first, from the orders kept per customer (migration 5): the primary key
 * leads with (guild, dataset, customer), so this reads that customer's rows only. Orders of one invoice at
 * several moments are one purchase here.
 */
export const customerHistoryRepository = perConnection(makeCustomerHistoryRepository);
