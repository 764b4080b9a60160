import type { Db } from './open-database.js';

/** A stored line of a customer, its texts as numbers, for recounting their basket. */
export type CustomerLine = [customerId: number, product: number | null, description: number | null, country: number | null, isReturn: 0 | 1];

/**
 * Orders a later export of the same platform changed: taking out the lines of orders now cancelled, and counting the
 * orders an upload refunded after an earlier one stored them. Every statement names the workspace and the dataset.
 */
export function orderChangesRepository(db: Db) {
  const textId = db
    .prepare<[string, number, string]>(`SELECT text_id FROM dataset_texts WHERE guild_id = ? AND dataset_id = ? AND text = ?`)
    .pluck();
  const removeLines = db
    .prepare<[string, number, string]>(
      `DELETE FROM transactions
        WHERE guild_id = ? AND dataset_id = ? AND invoice IN (SELECT value FROM json_each(?))
       RETURNING invoice, customer_id`,
    )
    .raw();
  const removeOrders = db.prepare<[string, number, string]>(
    `DELETE FROM customer_orders WHERE guild_id = ? AND dataset_id = ? AND invoice IN (SELECT value FROM json_each(?))`,
  );
  const textsOf = db
    .prepare<[string, number, string]>(`SELECT text_id, text FROM dataset_texts WHERE guild_id = ? AND dataset_id = ? AND text_id IN (SELECT value FROM json_each(?))`)
    .raw();
  const customerLines = db
    .prepare<[string, number, string]>(
      `SELECT customer_id, product, description, country, is_return FROM transactions
        WHERE guild_id = ? AND dataset_id = ? AND customer_id IN (SELECT value FROM json_each(?))
        ORDER BY customer_id`,
    )
    .raw();
  const removeBasket = db.prepare<[string, number, string]>(`DELETE FROM customer_baskets WHERE guild_id = ? AND dataset_id = ? AND customer_id = ?`);
  const refundedAfterEarlierUpload = db
    .prepare<[string, number, string, number, number]>(
      `SELECT count(DISTINCT r.invoice) FROM transactions r
        WHERE r.guild_id = ? AND r.dataset_id = ? AND r.invoice IN (SELECT value FROM json_each(?))
          AND r.upload_id = ? AND r.is_return = 1
          AND EXISTS (SELECT 1 FROM transactions s
                       WHERE s.guild_id = r.guild_id AND s.dataset_id = r.dataset_id AND s.invoice = r.invoice
                         AND s.upload_id <> ? AND s.is_return = 0)`,
    )
    .pluck();

  /** The numbers of those of these texts the dataset has. */
  const storedTextIds = (guildId: string, datasetId: number, texts: readonly string[]): number[] =>
    texts.map((text) => textId.get(guildId, datasetId, text) as number | undefined).filter((id): id is number => id !== undefined);

  return {
    /**
     * Takes out the stored lines and order summaries of these orders (by invoice text). Returns how many orders had
     * lines, and the customers (by their text) whose baskets must be recounted. One scan of the dataset's lines, and
     * none when no invoice is stored.
     */
    removeOrders(guildId: string, datasetId: number, invoices: readonly string[]): { orders: number; customers: string[] } {
      const ids = storedTextIds(guildId, datasetId, invoices);
      if (ids.length === 0) return { orders: 0, customers: [] };
      const removed = removeLines.all(guildId, datasetId, JSON.stringify(ids)) as [number, number | null][];
      removeOrders.run(guildId, datasetId, JSON.stringify(invoices));
      const orders = new Set(removed.map(([invoice]) => invoice)).size;
      const customerIds = [...new Set(removed.map(([, customer]) => customer).filter((id): id is number => id !== null))];
      const customers = customerIds.length === 0 ? [] : (textsOf.all(guildId, datasetId, JSON.stringify(customerIds)) as [number, string][]).map(([, text]) => text);
      return { orders, customers };
    },
    /** The stored lines of these customers (by their text), grouped by customer. */
    customerLines(guildId: string, datasetId: number, customers: readonly string[]): { byId: Map<number, string>; lines: CustomerLine[] } {
      const byId = new Map<number, string>();
      customers.forEach((customer) => {
        const id = textId.get(guildId, datasetId, customer) as number | undefined;
        if (id !== undefined) byId.set(id, customer);
      });
      const lines = byId.size === 0 ? [] : (customerLines.all(guildId, datasetId, JSON.stringify([...byId.keys()])) as CustomerLine[]);
      return { byId, lines };
    },
    removeBasket: (guildId: string, datasetId: number, customer: string) => removeBasket.run(guildId, datasetId, customer),
    /** How many of these orders got return lines from this upload after an earlier upload stored their purchase. */
    refundedAfterEarlierUpload(guildId: string, datasetId: number, uploadId: number, invoices: readonly string[]): number {
      const ids = storedTextIds(guildId, datasetId, invoices);
      if (ids.length === 0) return 0;
      return refundedAfterEarlierUpload.get(guildId, datasetId, JSON.stringify(ids), uploadId, uploadId) as number;
    },
  };
}
export type OrderChangesRepository = ReturnType<typeof orderChangesRepository>;
