import type { TransactionRow } from '../../ingest/types.js';
import { emptyLineColumns, keyOrder, NO_TEXT, type LineColumns } from '../../store/transactions.js';

/**
 * Parsed rows as they cross to the writer thread: numbers in typed arrays, transferred rather than copied, and text as
 * ids into a dictionary of the upload's texts that the two sides build in step, each chunk carrying only the texts
 * first seen in it (the writer renumbers them into the dataset's dictionary before they are stored). Online
 * Retail repeats 35,514 distinct texts over 3 million text cells, and structured-cloning row objects cost more
 * than writing on a second thread saves.
 */
export interface RowChunk extends LineColumns {
  /** Texts first used by this chunk; their ids follow those of the chunks before. */
  newTexts: string[];
}

const TEXT_COLUMNS = ['invoices', 'customers', 'products', 'descriptions', 'countries', 'categories'] as const;

/** The buffers of a chunk, to transfer with it. */
export function rowChunkTransfer(chunk: RowChunk): ArrayBuffer[] {
  const arrays: ArrayBufferView[] = [chunk.keys, chunk.lines, chunk.timestamps, chunk.quantities, chunk.unitPrices, chunk.amounts, chunk.returns];
  if (chunk.keyOrder) arrays.push(chunk.keyOrder);
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
  private readonly numbering = new TextNumbering();
  private readonly invoices = new FieldTexts(this.numbering);
  private readonly customers = new FieldTexts(this.numbering);
  private readonly products = new FieldTexts(this.numbering);
  private readonly descriptions = new TextsBeside(this.numbering);
  private readonly countries = new FieldTexts(this.numbering);
  private readonly categories = new FieldTexts(this.numbering);
  private chunk: RowChunk = emptyChunk(ROWS_PER_SENT_CHUNK);

  /** The text an id of the chunks stands for. */
  textOf(id: number): string {
    return this.numbering.textOf(id);
  }

  /** Adds rows[from..to) with their keys; returns the chunk they filled, if they filled one. */
  add(rows: readonly TransactionRow[], from: number, to: number, keys: BigInt64Array): RowChunk[] {
    const full: RowChunk[] = [];
    for (let i = from; i < to; i++) {
      let chunk = this.chunk;
      if (chunk.rows === ROWS_PER_SENT_CHUNK) {
        full.push(withKeyOrder(chunk));
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
      // Field by field rather than in a loop over field names: a property looked up by a varying name is a slow
      // generic load, which made this loop a fifth of the parsing thread's time.
      chunk.invoices[at] = this.invoices.idOf(row.invoice, chunk);
      chunk.customers[at] = this.customers.idOf(row.customerId, chunk);
      const product = (chunk.products[at] = this.products.idOf(row.product, chunk));
      chunk.descriptions[at] = this.descriptions.idOf(product, row.description, chunk);
      chunk.countries[at] = this.countries.idOf(row.country, chunk);
      chunk.categories[at] = this.categories.idOf(row.category, chunk);
    }
    if (this.chunk.rows === ROWS_PER_SENT_CHUNK) {
      full.push(withKeyOrder(this.chunk));
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
    return withKeyOrder({
      ...chunk,
      keys: chunk.keys.slice(0, rows), lines: chunk.lines.slice(0, rows), timestamps: chunk.timestamps.slice(0, rows),
      quantities: chunk.quantities.slice(0, rows), unitPrices: chunk.unitPrices.slice(0, rows), amounts: chunk.amounts.slice(0, rows),
      returns: chunk.returns.slice(0, rows), invoices: chunk.invoices.slice(0, rows), customers: chunk.customers.slice(0, rows),
      products: chunk.products.slice(0, rows), descriptions: chunk.descriptions.slice(0, rows), countries: chunk.countries.slice(0, rows),
      categories: chunk.categories.slice(0, rows),
    });
  }
}

/** The chunk with the order the writer inserts its rows in, worked out on this side (see LineColumns.keyOrder). */
function withKeyOrder(chunk: RowChunk): RowChunk {
  chunk.keyOrder = keyOrder(chunk.keys);
  return chunk;
}

/** The upload's texts numbered in the order first seen; a text first seen in a chunk is sent with it. */
class TextNumbering {
  private readonly ids = new Map<string, number>();
  private readonly texts: string[] = [];

  textOf(id: number): string {
    return this.texts[id]!;
  }

  idOf(text: string, chunk: RowChunk): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(text, id);
      this.texts.push(text);
      chunk.newTexts.push(text);
    }
    return id;
  }
}

/** One text field's ids. Consecutive rows mostly repeat an invoice's texts: those skip the lookup. */
class FieldTexts {
  private lastText: string | null | undefined = undefined;
  private lastId = NO_TEXT;
  constructor(private readonly numbering: TextNumbering) {}

  idOf(text: string | null, chunk: RowChunk): number {
    if (text === this.lastText) return this.lastId;
    this.lastText = text;
    this.lastId = text === null ? NO_TEXT : this.numbering.idOf(text, chunk);
    return this.lastId;
  }
}

/**
 * The ids of a field that mostly follows another, as a product's description follows its code: the text last seen
 * beside the same id of the other field is tried before the dictionary. Products change on almost every line, and
 * a dictionary lookup for each description was half of the encoder's lookups.
 */
class TextsBeside {
  private readonly textBeside: (string | null)[] = [];
  private readonly idBeside: number[] = [];
  constructor(private readonly numbering: TextNumbering) {}

  idOf(besideId: number, text: string | null, chunk: RowChunk): number {
    if (besideId !== NO_TEXT && this.textBeside[besideId] === text) return this.idBeside[besideId]!;
    const id = text === null ? NO_TEXT : this.numbering.idOf(text, chunk);
    if (besideId !== NO_TEXT) {
      this.textBeside[besideId] = text;
      this.idBeside[besideId] = id;
    }
    return id;
  }
}

function emptyChunk(capacity: number): RowChunk {
  return { ...emptyLineColumns(capacity), newTexts: [] };
}
