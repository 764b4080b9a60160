import type { TransactionRow } from '../ingest/types.js';
import type { RowsToInsert } from '../store/transactions.js';

/**
 * Parsed rows as they cross to the writer thread: numbers in typed arrays, transferred rather than copied, and text as
 * ids into a dictionary the two sides build in step, each chunk carrying only the texts first seen in it. Online
 * Retail repeats some 40,000 distinct texts over 3 million text cells, and structured-cloning row objects cost more
 * than writing on a second thread saves.
 */
export interface RowChunk {
  rows: number;
  /** Texts first used by this chunk; their ids follow those of the chunks before. */
  newTexts: string[];
  keys: BigInt64Array;
  lines: Float64Array;
  timestamps: Float64Array;
  /** NaN for a missing value: the row rules skip unreadable numbers, so no kept value is NaN. */
  quantities: Float64Array;
  unitPrices: Float64Array;
  amounts: Float64Array;
  returns: Uint8Array;
  /** Text ids, NO_TEXT for null. */
  invoices: Int32Array;
  customers: Int32Array;
  products: Int32Array;
  descriptions: Int32Array;
  countries: Int32Array;
  categories: Int32Array;
}

const NO_TEXT = -1;
const TEXT_FIELDS = ['invoice', 'customerId', 'product', 'description', 'country', 'category'] as const;
const TEXT_COLUMNS = ['invoices', 'customers', 'products', 'descriptions', 'countries', 'categories'] as const;

/** The buffers of a chunk, to transfer with it. */
export function rowChunkTransfer(chunk: RowChunk): ArrayBuffer[] {
  const arrays = [chunk.keys, chunk.lines, chunk.timestamps, chunk.quantities, chunk.unitPrices, chunk.amounts, chunk.returns];
  return [...arrays, ...TEXT_COLUMNS.map((column) => chunk[column])].map((array) => array.buffer as ArrayBuffer);
}

/**
 * Rows per chunk sent: the writer stores each chunk in the order of its keys, so larger chunks fill the table's
 * B-tree with fewer page splits, and smaller ones start the writing sooner; at 65,536 Online Retail is 9 chunks.
 */
export const ROWS_PER_SENT_CHUNK = 65_536;

/**
 * Turns rows, given a few at a time, into chunks of ROWS_PER_SENT_CHUNK, keeping the dictionary of texts sent so
 * far: the rows themselves can be dropped as soon as they are added.
 */
export class RowChunkEncoder {
  private readonly ids = new Map<string, number>();
  private chunk: RowChunk = emptyChunk(ROWS_PER_SENT_CHUNK);
  private lastTexts: (string | null | undefined)[] = TEXT_FIELDS.map(() => undefined);
  private lastIds: number[] = TEXT_FIELDS.map(() => NO_TEXT);

  /** Adds rows[from..to) with their keys; returns the chunk they filled, if they filled one. */
  add(rows: readonly TransactionRow[], from: number, to: number, keys: BigInt64Array): RowChunk[] {
    const full: RowChunk[] = [];
    for (let i = from; i < to; i++) {
      let chunk = this.chunk;
      if (chunk.rows === ROWS_PER_SENT_CHUNK) {
        full.push(chunk);
        chunk = this.chunk = emptyChunk(ROWS_PER_SENT_CHUNK);
      }
      const at = chunk.rows++;
      const row = rows[i]!;
      chunk.keys[at] = keys[i - from]!;
      chunk.lines[at] = row.line;
      chunk.timestamps[at] = row.timestamp;
      chunk.quantities[at] = row.quantity ?? NaN;
      chunk.unitPrices[at] = row.unitPrice ?? NaN;
      chunk.amounts[at] = row.amount;
      chunk.returns[at] = row.isReturn ? 1 : 0;
      for (let field = 0; field < TEXT_FIELDS.length; field++) chunk[TEXT_COLUMNS[field]!][at] = this.textId(field, row[TEXT_FIELDS[field]!], chunk);
    }
    if (this.chunk.rows === ROWS_PER_SENT_CHUNK) {
      full.push(this.chunk);
      this.chunk = emptyChunk(ROWS_PER_SENT_CHUNK);
    }
    return full;
  }

  /** The rows added since the last full chunk, as a chunk of their own; undefined when there are none. */
  rest(): RowChunk | undefined {
    const chunk = this.chunk;
    if (chunk.rows === 0) return undefined;
    this.chunk = emptyChunk(ROWS_PER_SENT_CHUNK);
    const rows = chunk.rows;
    return {
      ...chunk,
      keys: chunk.keys.slice(0, rows), lines: chunk.lines.slice(0, rows), timestamps: chunk.timestamps.slice(0, rows),
      quantities: chunk.quantities.slice(0, rows), unitPrices: chunk.unitPrices.slice(0, rows), amounts: chunk.amounts.slice(0, rows),
      returns: chunk.returns.slice(0, rows), invoices: chunk.invoices.slice(0, rows), customers: chunk.customers.slice(0, rows),
      products: chunk.products.slice(0, rows), descriptions: chunk.descriptions.slice(0, rows), countries: chunk.countries.slice(0, rows),
      categories: chunk.categories.slice(0, rows),
    };
  }

  /** A text's id. Consecutive rows mostly repeat an invoice's texts: those skip the lookup. */
  private textId(field: number, text: string | null, chunk: RowChunk): number {
    if (text === this.lastTexts[field]) return this.lastIds[field]!;
    let id = NO_TEXT;
    if (text !== null) {
      const known = this.ids.get(text);
      if (known !== undefined) {
        id = known;
      } else {
        id = this.ids.size;
        this.ids.set(text, id);
        chunk.newTexts.push(text);
      }
    }
    this.lastTexts[field] = text;
    this.lastIds[field] = id;
    return id;
  }
}

function emptyChunk(capacity: number): RowChunk {
  return {
    rows: 0,
    newTexts: [],
    keys: new BigInt64Array(capacity),
    lines: new Float64Array(capacity),
    timestamps: new Float64Array(capacity),
    quantities: new Float64Array(capacity),
    unitPrices: new Float64Array(capacity),
    amounts: new Float64Array(capacity),
    returns: new Uint8Array(capacity),
    invoices: new Int32Array(capacity),
    customers: new Int32Array(capacity),
    products: new Int32Array(capacity),
    descriptions: new Int32Array(capacity),
    countries: new Int32Array(capacity),
    categories: new Int32Array(capacity),
  };
}

/** Turns chunks back into rows, in the order they were encoded. */
export class RowChunkDecoder {
  private readonly texts: string[] = [];

  /**
   * The chunk's rows, each built when asked for: a chunk's worth of row objects alive through its insert outlived
   * the young generation and grew the writer's heap by 100 MB.
   */
  decode(chunk: RowChunk): RowsToInsert {
    for (const text of chunk.newTexts) this.texts.push(text);
    const texts = this.texts;
    const textAt = (ids: Int32Array, i: number) => {
      const id = ids[i]!;
      return id === NO_TEXT ? null : texts[id]!;
    };
    const numberAt = (values: Float64Array, i: number) => {
      const value = values[i]!;
      return Number.isNaN(value) ? null : value;
    };
    return {
      length: chunk.rows,
      at: (i: number): TransactionRow | undefined =>
        i < 0 || i >= chunk.rows
          ? undefined
          : {
              line: chunk.lines[i]!,
              invoice: textAt(chunk.invoices, i),
              customerId: textAt(chunk.customers, i),
              timestamp: chunk.timestamps[i]!,
              product: textAt(chunk.products, i),
              description: textAt(chunk.descriptions, i),
              quantity: numberAt(chunk.quantities, i),
              unitPrice: numberAt(chunk.unitPrices, i),
              amount: chunk.amounts[i]!,
              country: textAt(chunk.countries, i),
              category: textAt(chunk.categories, i),
              isReturn: chunk.returns[i] === 1,
            },
    };
  }
}
