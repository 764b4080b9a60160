import { customerSummariesRepository } from '../../store/customer-summaries.js';
import { datasetTextsRepository, type TextDictionary } from '../../store/dataset-texts.js';
import { datasetsRepository } from '../../store/datasets.js';
import type { Db } from '../../store/open-database.js';
import { beginBulkWrite, NO_TEXT, transactionsRepository, type LineColumns } from '../../store/transactions.js';
import { uploadsRepository, type NewUpload, type UploadDetails } from '../../store/uploads.js';
import { SummaryAdditionsTally, writeSummaryAdditions, type SummaryAdditions } from './customer-summaries.js';
import { applyOrderChanges, type OrderChanges } from './order-changes.js';
import type { RowChunk } from './row-chunks.js';
import { markPhase } from '../workers/phase-trace.js';

/** What is known of an upload before its rows are parsed: enough to open the write and record the upload. */
export interface UploadStart {
  dataset: string;
  /**
   * The importing thread tallies the upload's summaries itself (SummaryForecast) and sends them with the commit: a
   * writer storing into an empty dataset then leaves its own tally out (an eighth of its CPU on Online Retail).
   */
  summariesFromImport?: boolean;
  upload: Omit<NewUpload, 'datasetId' | 'details' | 'rowsRead' | 'rowsImported' | 'duplicatesIgnored'>;
}

/** What is known once every row is parsed: sent as soon as it is, the writer stores what it has left first. */
export interface UploadEnd {
  details: UploadDetails;
  rowsRead: number;
  /** Rows given to write(): those already stored in the dataset are counted as duplicates ignored. */
  rowsKept: number;
  /** A platform export's orders that change what earlier exports stored. */
  orderChanges?: OrderChanges;
  /** What the export's amounts are in, when it says: the dataset keeps it. */
  currency?: string | null;
  /** The upload's summaries tallied on the importing thread, texts numbered as the upload numbers them. */
  summaries?: SummaryAdditions;
}

/** What the commit found. */
export interface UploadCommitted {
  /** The same file (by SHA-256) had been uploaded to this dataset before. */
  alreadyUploaded: boolean;
  /** Stored orders whose status this upload changed (taken out as cancelled, or refunded). */
  statusChanges: number;
  /** Rows stored: rowsKept less those the dataset already had. */
  rowsImported: number;
}

/**
 * One upload's write transaction, on the thread that owns the connection: opened with the dataset and the upload
 * record, then given the rows a chunk at a time, then the summaries; committed whole or rolled back whole.
 */
export class UploadWrite {
  private readonly bulk;
  private readonly transactions;
  private readonly summariesStore;
  private readonly guildId: string;
  private readonly datasetId: number;
  private readonly uploadId: number;
  private readonly alreadyUploaded: boolean;
  /** The dataset held no lines and no summaries when this write began (a new dataset, or one being replaced). */
  readonly emptyBefore: boolean;
  /**
   * Summed as the rows are stored: the chunks need not be kept for them, nor the lines read again at the end. None
   * when the importing thread sends them (summariesFromImport) and the dataset is empty.
   */
  private readonly summaries: SummaryAdditionsTally | undefined;
  private readonly texts: TextDictionary;
  /** The dataset's id of each of the upload's texts, by the upload's id. */
  private readonly datasetTextIds: number[] = [];
  /** Whether every text so far has the same id in the upload and the dataset, as in a new dataset's first upload. */
  private sameTextIds = true;
  private rowsWritten = 0;
  private rowsStored = 0;

  constructor(private readonly db: Db, { dataset, upload, summariesFromImport = false }: UploadStart) {
    this.bulk = beginBulkWrite(db);
    try {
      const datasets = datasetsRepository(db);
      const uploads = uploadsRepository(db);
      this.transactions = transactionsRepository(db);
      this.summariesStore = customerSummariesRepository(db);
      this.guildId = upload.guildId;
      const target = datasets.findOrCreate(upload.guildId, dataset, 'transactions', new Date(upload.uploadedAt));
      this.datasetId = target.datasetId;
      this.alreadyUploaded = uploads.findBySha256(upload.guildId, target.datasetId, upload.sha256) !== undefined;
      const datasetTexts = datasetTextsRepository(db);
      if (upload.mode === 'replace') {
        this.transactions.deleteDataset(upload.guildId, target.datasetId);
        this.summariesStore.deleteDataset(upload.guildId, target.datasetId);
        datasetTexts.deleteDataset(upload.guildId, target.datasetId);
      }
      this.emptyBefore =
        !this.transactions.hasLines(upload.guildId, target.datasetId) && !this.summariesStore.hasSummaries(upload.guildId, target.datasetId);
      this.texts = datasetTexts.dictionary(upload.guildId, target.datasetId);
      this.summaries = summariesFromImport && this.emptyBefore ? undefined : new SummaryAdditionsTally((id) => this.texts.textOf(id));
      // The details and counts are known only at the end: setOutcome fills them in before the commit.
      this.uploadId = uploads.insert({
        ...upload,
        datasetId: target.datasetId,
        details: { rowsSkipped: {}, anonymousRows: 0, returnRows: 0, columns: {}, warnings: [] },
        rowsRead: 0,
        rowsImported: 0,
        duplicatesIgnored: 0,
      });
    } catch (error) {
      this.bulk.rollback();
      throw error;
    }
  }

  /** Stores a chunk's new rows; returns which rows were stored (1) and which were already there (0). */
  write(chunk: RowChunk): Uint8Array {
    for (const text of chunk.newTexts) {
      const id = this.texts.idOf(text);
      if (id !== this.datasetTextIds.length) this.sameTextIds = false;
      this.datasetTextIds.push(id);
    }
    this.texts.flush();
    const lines = this.sameTextIds ? chunk : withDatasetTextIds(chunk, this.datasetTextIds);
    const stored = this.transactions.insertMany(this.guildId, this.datasetId, this.uploadId, lines);
    this.summaries?.add(lines, stored);
    this.rowsWritten += chunk.rows;
    for (let i = 0; i < chunk.rows; i++) this.rowsStored += stored[i]!;
    return stored;
  }

  /** Writes the summaries, the order changes and the upload's outcome, and commits. */
  commit(end: UploadEnd): UploadCommitted {
    markPhase('rows stored');
    let statusChanges = 0;
    try {
      if (this.rowsWritten !== end.rowsKept) throw new Error(`writer stored ${this.rowsWritten} rows of ${end.rowsKept}`);
      writeSummaryAdditions(this.summariesStore, this.guildId, this.datasetId, this.summaries?.additions() ?? this.sentSummaries(end.summaries));
      if (end.currency) datasetsRepository(this.db).setCurrency(this.guildId, this.datasetId, end.currency);
      if (end.orderChanges !== undefined) {
        const textOf = (id: number) => this.texts.textOf(id);
        statusChanges = applyOrderChanges(this.db, this.guildId, this.datasetId, this.uploadId, end.orderChanges, textOf);
      }
      const { details, rowsRead } = end;
      const duplicatesIgnored = end.rowsKept - this.rowsStored;
      uploadsRepository(this.db).setOutcome(this.guildId, this.uploadId, { details, rowsRead, rowsImported: this.rowsStored, duplicatesIgnored });
    } catch (error) {
      this.bulk.rollback();
      throw error;
    }
    this.bulk.commit();
    markPhase('committed');
    return { alreadyUploaded: this.alreadyUploaded, statusChanges, rowsImported: this.rowsStored };
  }

  /**
   * The summaries the importing thread sent, their basket texts numbered as the dataset numbers them. They are the
   * dataset's only when every line was stored (two keys of one upload clash only by a 64-bit hash collision); else,
   * or when none came, they are tallied from the lines stored.
   */
  private sentSummaries(sent: SummaryAdditions | undefined): SummaryAdditions {
    if (sent !== undefined && this.rowsStored === this.rowsWritten) {
      if (this.sameTextIds) return sent;
      const renumbered = (pairs: Int32Array) => pairs.map((value, at) => (at % 2 === 0 && value >= 0 ? this.datasetTextIds[value]! : value));
      return { orders: sent.orders, baskets: sent.baskets.map((b) => ({ ...b, products: renumbered(b.products), countries: renumbered(b.countries) })) };
    }
    const tally = new SummaryAdditionsTally((id) => this.texts.textOf(id));
    for (const lines of this.transactions.linesOfUpload(this.guildId, this.datasetId, this.uploadId)) tally.add(lines);
    return tally.additions();
  }

  rollback(): void {
    this.bulk.rollback();
  }

}

/** The chunk's lines with their texts numbered as in the dataset instead of the upload: O(rows), no text touched. */
function withDatasetTextIds(chunk: RowChunk, datasetTextIds: readonly number[]): LineColumns {
  const renumbered = (ids: Int32Array) => {
    const out = new Int32Array(chunk.rows);
    for (let i = 0; i < chunk.rows; i++) {
      const id = ids[i]!;
      out[i] = id === NO_TEXT ? NO_TEXT : datasetTextIds[id]!;
    }
    return out;
  };
  return {
    ...chunk,
    invoices: renumbered(chunk.invoices),
    customers: renumbered(chunk.customers),
    products: renumbered(chunk.products),
    descriptions: renumbered(chunk.descriptions),
    countries: renumbered(chunk.countries),
    categories: renumbered(chunk.categories),
  };
}

/**
 * The import's side of an upload's write, wherever the transaction runs: begin, then write chunks as they are parsed,
 * then commit, which the writer does once it has stored them all. abort() rolls back whatever was begun and may be
 * called at any time, also after a commit (then it does nothing); it never throws.
 */
export interface UploadWriter {
  begin(start: UploadStart): void;
  write(chunk: RowChunk): void;
  /** Rows stored so far, read at once: also while this thread is busy parsing and hears no message. */
  rowsStored(): number;
  /** Whether the dataset held no lines and no summaries before this upload, once the write has begun (false if it failed). */
  emptyBefore(): Promise<boolean>;
  /**
   * Asks for the commit after the rows written; resolves with what it found once committed. Call it as soon as the
   * last row is written, so the writer never waits for this thread. onWritten hears how many rows are stored meanwhile.
   */
  commit(end: UploadEnd, onWritten?: (done: number) => void): Promise<UploadCommitted>;
  abort(): Promise<void>;
}

/** Writes on the calling thread, on its own connection: rows are stored as soon as they are given. */
export function inThreadWriter(db: Db): UploadWriter {
  let write: UploadWrite | undefined;
  let open = false;
  let rowsStored = 0;
  return {
    begin(start) {
      write = new UploadWrite(db, start);
      open = true;
    },
    write(chunk) {
      write!.write(chunk);
      rowsStored += chunk.rows;
    },
    rowsStored: () => rowsStored,
    emptyBefore: async () => write?.emptyBefore ?? false,
    async commit(end, onWritten) {
      onWritten?.(rowsStored);
      open = false;
      return write!.commit(end);
    },
    async abort() {
      if (!open) return;
      open = false;
      try {
        write!.rollback();
      } catch (error) {
        process.emitWarning(`rolling back an upload failed: ${error instanceof Error ? error.message : String(error)}`, 'SegmentaImport');
      }
    },
  };
}
