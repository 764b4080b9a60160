import { createHash } from 'node:crypto';
import { parseExport } from '../../ingest/parse-export.js';
import { readTable } from '../../ingest/read-table.js';
import { RowKeys } from '../../ingest/row-keys.js';
import { IngestError, type IngestErrorCode, type IngestOptions } from '../../ingest/types.js';
import type { Db } from '../../store/open-database.js';
import { FileFiguresTally, skippedCounts, type ImportReport } from './import-report.js';
import { markPhase } from '../workers/phase-trace.js';
import type { ProgressListener } from '../reply.js';
import { RowChunkEncoder, type RowChunk } from './row-chunks.js';
import { SummaryForecast } from './summary-forecast.js';
import type { CustomerSummaries } from '../../store/customer-summaries.js';
import { inThreadWriter, type UploadWriter } from './upload-write.js';

export interface UploadRequest {
  guildId: string;
  userId: string;
  fileName: string;
  /** The file. importUpload takes it: once the table is read, this is set to an empty array so the bytes can be freed. */
  bytes: Uint8Array;
  /** Dataset name; defaults to the file name without its extensions. */
  dataset?: string;
  mode: 'append' | 'replace';
  ingest: IngestOptions;
}

const NO_BYTES = new Uint8Array(0);

export type UploadFailureCode = IngestErrorCode | 'invalid_dataset_name';
export type UploadOutcome =
  | { ok: true; report: ImportReport }
  | { ok: false; code: UploadFailureCode; details: Record<string, unknown> };

/** Told once every row is parsed, while the last ones may still be being stored. */
export type OnParsed = (parsed: { dataset: string; customers: number; forecast?: ParsedForecast }) => void;

/**
 * The per-customer summaries the upload is predicted to leave (see SummaryForecast), given at once, and whether
 * the prediction held, known once the upload has committed (false if it failed).
 */
export interface ParsedForecast {
  summaries: CustomerSummaries;
  held: Promise<boolean>;
}

/** What the caller hears of the parsing: when it ends, and (if asked) the forecast of the summaries. */
export interface ParseHooks {
  onParsed?: OnParsed;
  /**
   * Work out the forecast while parsing, when the dataset holds nothing yet: a few per cent more work on the parsing
   * thread (Online Retail: ~0.2 s).
   */
  forecastSummaries?: boolean;
}

/**
 * Reads, validates and stores one uploaded file. All or nothing: rows are written in one transaction, as they are
 * parsed, and it commits only after the whole file parsed and passed its checks, so a refusal or a crash part-way
 * leaves the database as it was. The writer runs that transaction, on this thread by default; the import worker
 * gives it one on a thread of its own, so writing overlaps parsing.
 */
export async function importUpload(
  db: Db,
  request: UploadRequest,
  onProgress: ProgressListener = () => {},
  writer: UploadWriter = inThreadWriter(db),
  hooks: ParseHooks = {},
): Promise<UploadOutcome> {
  let settle: (held: boolean) => void = () => {};
  const held = new Promise<boolean>((resolve) => (settle = resolve));
  try {
    return await importWith(writer, request, onProgress, hooks, held, settle);
  } catch (error) {
    if (error instanceof IngestError) return { ok: false, code: error.code, details: error.details };
    throw error;
  } finally {
    // Settled by now unless the import failed; a promise settles once, so this is a no-op after the commit.
    settle(false);
    await writer.abort();
  }
}

async function importWith(
  writer: UploadWriter,
  request: UploadRequest,
  onProgress: ProgressListener,
  hooks: ParseHooks,
  held: Promise<boolean>,
  settle: (held: boolean) => void,
): Promise<UploadOutcome> {
  const dataset = request.dataset?.trim() || datasetNameFromFile(request.fileName);
  if (!isValidDatasetName(dataset)) return { ok: false, code: 'invalid_dataset_name', details: { name: dataset } };
  // node:crypto on this thread: ~30 ms for 48 MB. WebCrypto's digest, which hashes on the thread pool, first spent
  // 135-150 ms of this thread converting the bytes.
  const sha256 = createHash('sha256').update(request.bytes).digest('hex');
  onProgress({ stage: 'reading', done: 0, total: request.bytes.byteLength, unit: 'bytes' });
  const table = await readTable(request.bytes, request.fileName, request.ingest);
  const sizeBytes = request.bytes.byteLength;
  // Let go of the file: a text file is all in the table now, and 48 MB of bytes held beside its text (and then beside
  // the writer and the segmentation) took an upload of Online Retail near 500 MB resident. See UploadRequest.bytes.
  request.bytes = NO_BYTES;
  markPhase('table read');
  writer.begin({
    dataset,
    summariesFromImport: hooks.forecastSummaries === true,
    upload: {
      guildId: request.guildId,
      fileName: request.fileName,
      sizeBytes,
      sha256,
      uploadedBy: request.userId,
      uploadedAt: new Date().toISOString(),
      mode: request.mode,
      format: table.format,
    },
  });

  // Not table.recordCount in the callback below: a closure over `table` would keep its records, and so the whole
  // text, alive until the upload returns, beside the segmentation that may start once they are parsed.
  const expected = table.recordCount;
  onProgress({ stage: 'parsing', done: 0, total: expected, unit: 'rows' });
  const keys = new RowKeys(table.recordCount ?? 0);
  const chunks = new RowChunkEncoder();
  const figures = new FileFiguresTally();
  // Only into a dataset that holds nothing yet, as the writer found when its transaction began: an append is
  // segmented as stored, and tallying it here would be wasted.
  const forecast = hooks.forecastSummaries && (await writer.emptyBefore()) ? new SummaryForecast((id) => chunks.textOf(id)) : undefined;
  const send = (chunk: RowChunk) => {
    // Counted before the chunk is written: a writer on another thread takes its buffers.
    figures.add(chunk);
    forecast?.add(chunk);
    writer.write(chunk);
  };
  const parsed = parseExport(
    table,
    request.ingest,
    // Rows are stored while others are parsed: one bar, rows stored of rows expected, rather than two in turn.
    () => onProgress({ stage: 'writing', done: writer.rowsStored(), total: expected, unit: 'rows' }),
    (rows, from, to) => {
      for (const chunk of chunks.add(rows, from, to, keys.of(rows, from, to))) send(chunk);
    },
  );
  const rest = chunks.rest();
  if (rest !== undefined) send(rest);
  markPhase('rows parsed');
  const total = parsed.rowsKept;
  // How the file was read, as the upload record keeps it and the report shows it.
  const { delimiter, encoding, container, sheets } = parsed.table;
  const layout = { delimiter, encoding, container, sheets };
  const platform = parsed.platform;
  const currency = platform?.currency ?? parsed.formats.currency ?? request.ingest.currency ?? null;
  // Asked for now: the writer commits when it has stored the last rows, whatever this thread does meanwhile.
  const committing = writer.commit(
    {
      details: {
        rowsSkipped: parsed.rowsSkipped as Record<string, { count: number; lines: number[] }>,
        anonymousRows: parsed.anonymousRows,
        returnRows: parsed.returnRows,
        columns: parsed.columns as Record<string, string>,
        warnings: parsed.warnings,
        ...layout,
      },
      rowsRead: parsed.rowsRead,
      rowsKept: total,
      ...(platform !== null && { orderChanges: { withdrawn: platform.withdrawnOrders, refunded: platform.refundedOrders } }),
      currency: platform?.currency ?? parsed.formats.currency,
      ...(forecast !== undefined && { summaries: forecast.additions() }),
    },
    (done) => onProgress({ stage: 'writing', done, total, unit: 'rows' }),
  );
  // Orders an export cancels or refunds change what is stored beyond its own lines: no forecast then.
  const changesOrders = platform !== null && platform.withdrawnOrders.length + platform.refundedOrders.length > 0;
  hooks.onParsed?.({
    dataset,
    customers: figures.figures().customers,
    ...(forecast !== undefined && !changesOrders && { forecast: { summaries: forecast.summaries(), held } }),
  });
  onProgress({ stage: 'writing', done: writer.rowsStored(), total, unit: 'rows' });
  const { alreadyUploaded, statusChanges, rowsImported: imported } = await committing;
  settle(forecast !== undefined && !changesOrders && forecast.held(imported));
  onProgress({ stage: 'done', done: total, total, unit: 'rows' });

  const warnings = [...parsed.table.warnings, ...parsed.warnings];
  return {
    ok: true,
    report: {
      dataset,
      fileName: request.fileName,
      format: parsed.table.format,
      platform: platform?.platform ?? null,
      ...(platform !== null && { platformName: platform.platformName, amountRule: platform.amountRule }),
      currency,
      cancelledOrders: platform?.cancelledOrders ?? 0,
      refundedOrders: platform?.refundedOrders.length ?? 0,
      statusChanges,
      productsUnknown: platform?.productsUnknown ?? false,
      ...layout,
      rowsRead: parsed.rowsRead,
      rowsImported: imported,
      duplicatesIgnored: total - imported,
      ...skippedCounts(parsed),
      anonymousRows: parsed.anonymousRows,
      returnRows: parsed.returnRows,
      ...figures.figures(),
      columns: parsed.columns,
      warnings: [...new Set(warnings)],
      alreadyUploaded,
      mode: request.mode,
    },
  };
}

/** `Online Retail (2011).csv.gz` -> `Online Retail (2011)`. */
export function datasetNameFromFile(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const withoutExtensions = base.replace(/(\.(csv|tsv|txt|xlsx|gz|zip))+$/i, '');
  return withoutExtensions.trim().slice(0, 64) || 'dataset';
}

export function isValidDatasetName(name: string): boolean {
  return name.length >= 1 && name.length <= 64 && !/[\u0000-\u001f]/.test(name);
}
