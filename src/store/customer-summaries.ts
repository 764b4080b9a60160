import type { CustomerBasket, NumberedBasket } from '../segment/customer-baskets.js';
import type { CustomerOrder } from '../segment/customer-orders.js';
import type { Db } from './open-database.js';

type OrderRow = [
  customerId: string, invoice: string, ts: number, lines: number, amount: number, returnLines: number, purchaseLines: number,
  purchased: number, refunded: number,
];

const ORDER_COLUMNS = 11;
/** Orders per INSERT statement: 704 parameters; one call per order spent a third of the write crossing into SQLite. */
const ORDER_BATCH = 64;

/** A dataset's per-customer summaries as `orders` and `baskets` read them: in primary-key order. */
export interface CustomerSummaries {
  orders: CustomerOrder[];
  baskets: CustomerBasket[];
}

/** A basket as stored: its customer by id, its products and countries by their numbers in dataset_texts. */
export type StoredBasket = NumberedBasket<string>;

/**
 * The per-customer summaries kept beside a dataset's lines (migrations 5 and 6): orders, and baskets whose products
 * and countries are numbered as the lines number their texts. Every statement filters on guild_id and dataset_id.
 */
export function customerSummariesRepository(db: Db) {
  const upsertOrders = (count: number) =>
    db.prepare(
      `INSERT INTO customer_orders
         (guild_id, dataset_id, customer_id, invoice, ts, lines, amount, return_lines, purchase_lines, purchased, refunded)
       VALUES ${Array.from({ length: count }, () => `(${Array.from({ length: ORDER_COLUMNS }, () => '?').join(', ')})`).join(', ')}
       ON CONFLICT DO UPDATE SET
         lines = lines + excluded.lines, amount = amount + excluded.amount, return_lines = return_lines + excluded.return_lines,
         purchase_lines = purchase_lines + excluded.purchase_lines, purchased = purchased + excluded.purchased,
         refunded = refunded + excluded.refunded`,
    );
  const upsertOrder = upsertOrders(1);
  let upsertOrderBatch: ReturnType<typeof upsertOrders> | undefined;
  const texts = db.prepare<[string, number]>(`SELECT text_id, text FROM dataset_texts WHERE guild_id = ? AND dataset_id = ?`).raw();
  const storedBasket = db
    .prepare<[string, number, string]>(`SELECT products, countries FROM customer_baskets WHERE guild_id = ? AND dataset_id = ? AND customer_id = ?`)
    .raw();
  const textOf = db.prepare<[string, number, number]>(`SELECT text FROM dataset_texts WHERE guild_id = ? AND dataset_id = ? AND text_id = ?`).pluck();
  const hasOrders = db.prepare<[string, number]>(`SELECT 1 FROM customer_orders WHERE guild_id = ? AND dataset_id = ? LIMIT 1`).pluck();
  const hasBaskets = db.prepare<[string, number]>(`SELECT 1 FROM customer_baskets WHERE guild_id = ? AND dataset_id = ? LIMIT 1`).pluck();
  const writeBasket = db.prepare(
    `INSERT OR REPLACE INTO customer_baskets (guild_id, dataset_id, customer_id, products, countries) VALUES (?, ?, ?, ?, ?)`,
  );
  const orders = db
    .prepare<[string, number]>(
      `SELECT customer_id, invoice, ts, lines, amount, return_lines, purchase_lines, purchased, refunded
         FROM customer_orders WHERE guild_id = ? AND dataset_id = ? ORDER BY customer_id, invoice, ts`,
    )
    .raw();
  const baskets = db
    .prepare<[string, number]>(`SELECT customer_id, products, countries FROM customer_baskets WHERE guild_id = ? AND dataset_id = ? ORDER BY customer_id`)
    .raw();
  const removeDataset = ['customer_orders', 'customer_baskets'].map((table) =>
    db.prepare<[string, number]>(`DELETE FROM ${table} WHERE guild_id = ? AND dataset_id = ?`),
  );

  /** A dataset's texts, by number. */
  const textsById = (guildId: string, datasetId: number): string[] => {
    const byId: string[] = [];
    for (const [id, text] of texts.all(guildId, datasetId) as [number, string][]) byId[id] = text;
    return byId;
  };

  const writeOrders = (guildId: string, datasetId: number, newOrders: readonly CustomerOrder[]): void => {
    // Key order fills the primary key's B-tree page by page.
    const sorted = [...newOrders].sort(compareStoredOrders);
    const values: unknown[] = [];
    const bind = (o: CustomerOrder, at: number) => {
      values[at] = guildId;
      values[at + 1] = datasetId;
      values[at + 2] = o.customerId;
      values[at + 3] = o.invoice ?? '';
      values[at + 4] = Math.round(o.timestamp);
      values[at + 5] = o.lines;
      values[at + 6] = o.amount;
      values[at + 7] = o.returnLines;
      values[at + 8] = o.purchaseLines;
      values[at + 9] = o.purchased;
      values[at + 10] = o.refunded;
    };
    let i = 0;
    if (sorted.length >= ORDER_BATCH) {
      const batch = (upsertOrderBatch ??= upsertOrders(ORDER_BATCH));
      for (; i + ORDER_BATCH <= sorted.length; i += ORDER_BATCH) {
        for (let j = 0; j < ORDER_BATCH; j++) bind(sorted[i + j]!, j * ORDER_COLUMNS);
        batch.run(...values);
      }
      values.length = ORDER_COLUMNS;
    }
    for (; i < sorted.length; i++) {
      bind(sorted[i]!, 0);
      upsertOrder.run(...values);
    }
  };

  return {
    /** Whether the dataset has any order or basket summarised. */
    hasSummaries: (guildId: string, datasetId: number): boolean =>
      hasOrders.get(guildId, datasetId) !== undefined || hasBaskets.get(guildId, datasetId) !== undefined,
    /** Adds orders to the dataset's, key by key (an order already stored gets the sums added). */
    addOrders: writeOrders,
    /** The stored baskets of these customers (those that have one), numbered. */
    storedBaskets(guildId: string, datasetId: number, customerIds: readonly string[]): Map<string, StoredBasket> {
      const found = new Map<string, StoredBasket>();
      // A first upload has no stored baskets: one query instead of one per customer.
      if (hasBaskets.get(guildId, datasetId) === undefined) return found;
      for (const customerId of customerIds) {
        const row = storedBasket.get(guildId, datasetId, customerId) as [Buffer, Buffer] | undefined;
        if (row) found.set(customerId, { customerId, products: int32sOfBlob(row[0]), countries: int32sOfBlob(row[1]) });
      }
      return found;
    },
    /** Stores these baskets whole, replacing the customers' stored ones. Their numbers must be in dataset_texts. */
    writeBaskets(guildId: string, datasetId: number, whole: readonly StoredBasket[]): void {
      for (const basket of whole) {
        writeBasket.run(guildId, datasetId, basket.customerId, blobOfInt32s(basket.products), blobOfInt32s(basket.countries));
      }
    },
    /** The dataset's orders by (customer, invoice, timestamp): RFM and k-means depend on the order (see SummaryForecast). */
    orders: (guildId: string, datasetId: number): CustomerOrder[] =>
      (orders.all(guildId, datasetId) as OrderRow[]).map((r) => ({
        customerId: r[0], invoice: r[1] === '' ? null : r[1], timestamp: r[2], lines: r[3], amount: r[4], returnLines: r[5],
        purchaseLines: r[6], purchased: r[7], refunded: r[8],
      })),
    /** The dataset's baskets by customer, their products and countries spelled out. */
    baskets(guildId: string, datasetId: number): CustomerBasket[] {
      const byId = textsById(guildId, datasetId);
      const named = (pairs: Buffer) => {
        const byName = new Map<string, number>();
        for (let at = 0; at < pairs.length; at += PAIR_BYTES) byName.set(byId[pairs.readInt32LE(at)]!, pairs.readInt32LE(at + 4));
        return byName;
      };
      return (baskets.all(guildId, datasetId) as [string, Buffer, Buffer][]).map((r) => ({
        customerId: r[0], products: named(r[1]), countries: named(r[2]),
      }));
    },
    /** One customer's basket, its products and countries spelled out; undefined when they have none. */
    basket(guildId: string, datasetId: number, customerId: string): CustomerBasket | undefined {
      const row = storedBasket.get(guildId, datasetId, customerId) as [Buffer, Buffer] | undefined;
      if (!row) return undefined;
      const named = (pairs: Buffer) => {
        const byName = new Map<string, number>();
        for (let at = 0; at < pairs.length; at += PAIR_BYTES) {
          byName.set(textOf.get(guildId, datasetId, pairs.readInt32LE(at)) as string, pairs.readInt32LE(at + 4));
        }
        return byName;
      };
      return { customerId, products: named(row[0]), countries: named(row[1]) };
    },
    deleteDataset(guildId: string, datasetId: number): void {
      for (const statement of removeDataset) statement.run(guildId, datasetId);
    },
  };
}
export type CustomerSummariesRepository = ReturnType<typeof customerSummariesRepository>;

const PAIR_BYTES = 8;

/** Where the platform puts an int32's low byte: first, as the blobs do, almost everywhere but s390x. */
const LITTLE_ENDIAN = new Uint8Array(new Int32Array([1]).buffer)[0] === 1;

/** Numbers as a blob of little-endian int32s. */
function blobOfInt32s(values: Int32Array): Buffer {
  if (LITTLE_ENDIAN) return Buffer.from(values.buffer, values.byteOffset, values.byteLength);
  const blob = Buffer.allocUnsafe(values.length * 4);
  values.forEach((value, i) => blob.writeInt32LE(value, i * 4));
  return blob;
}

function int32sOfBlob(blob: Buffer): Int32Array {
  return Int32Array.from({ length: blob.length / 4 }, (_, i) => blob.readInt32LE(i * 4));
}

/**
 * Orders in the table's primary-key order, as `orders` reads them back: by customer, invoice (none as '') and
 * timestamp, texts compared as SQLite's BINARY collation compares them.
 */
export function compareStoredOrders(a: CustomerOrder, b: CustomerOrder): number {
  return compareCodePoints(a.customerId, b.customerId) || compareCodePoints(a.invoice ?? '', b.invoice ?? '') || a.timestamp - b.timestamp;
}

/** An order as `orders` gives it back once written: its timestamp rounded to the ms, an empty invoice as none. */
export function storedOrder(order: CustomerOrder): CustomerOrder {
  return { ...order, invoice: order.invoice === '' ? null : order.invoice, timestamp: Math.round(order.timestamp) };
}

/**
 * Orders strings by code point, as SQLite's BINARY collation orders their UTF-8 bytes. JavaScript's `<` compares
 * UTF-16 units, which puts a character above U+FFFF (a surrogate pair) before one in U+E000..U+FFFF.
 */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xSurrogate = x >= 0xd800 && x <= 0xdfff;
    const ySurrogate = y >= 0xd800 && y <= 0xdfff;
    if (xSurrogate !== ySurrogate) return xSurrogate ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}
