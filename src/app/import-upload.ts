import { createHash } from 'node:crypto';
import { parseImport } from '../ingest/parse-import.js';
import { readTable } from '../ingest/read-table.js';
import { rowKeys } from '../ingest/row-keys.js';
import { IngestError, type IngestErrorCode, type IngestOptions } from '../ingest/types.js';
import { customerSummariesRepository } from '../store/customer-summaries.js';
import { datasetsRepository } from '../store/datasets.js';
import type { Db } from '../store/open-database.js';
import { transactionsRepository, writeInBulk } from '../store/transactions.js';
import { uploadsRepository } from '../store/uploads.js';
import { addToCustomerSummaries, type CustomerLine } from './customer-summaries.js';
import { fileFigures, skippedCounts, type ImportReport } from './import-report.js';
import type { ProgressListener } from './reply.js';

export interface UploadRequest {
  guildId: string;
  userId: string;
  fileName: string;
  bytes: Uint8Array;
  /** Dataset name; defaults to the file name without its extensions. */
  dataset?: string;
  mode: 'append' | 'replace';
  ingest: IngestOptions;
}

export type UploadFailureCode = IngestErrorCode | 'invalid_dataset_name';
export type UploadOutcome =
  | { ok: true; report: ImportReport }
  | { ok: false; code: UploadFailureCode; details: Record<string, unknown> };

/**
 * Reads, validates and stores one uploaded file. All or nothing: rows are written in one synchronous
 * transaction only after the whole file parsed and passed its checks, so a refusal or a crash part-way
 * leaves the database as it was.
 */
export async function importUpload(db: Db, request: UploadRequest, onProgress: ProgressListener = () => {}): Promise<UploadOutcome> {
  const dataset = request.dataset?.trim() || datasetNameFromFile(request.fileName);
  if (!isValidDatasetName(dataset)) return { ok: false, code: 'invalid_dataset_name', details: { name: dataset } };
  try {
    onProgress({ stage: 'reading', done: 0, total: request.bytes.byteLength, unit: 'bytes' });
    const table = await readTable(request.bytes, request.fileName, { sheet: request.ingest.sheet, limits: request.ingest.limits });
    onProgress({ stage: 'parsing', done: 0, total: table.recordCount, unit: 'rows' });
    const parsed = parseImport(table, request.ingest, (done) =>
      onProgress({ stage: 'parsing', done, total: table.recordCount, unit: 'rows' }),
    );
    const keys = rowKeys(parsed.rows);
    const sha256 = createHash('sha256').update(request.bytes).digest('hex');

    const datasets = datasetsRepository(db);
    const uploads = uploadsRepository(db);
    const transactions = transactionsRepository(db);
    const summaries = customerSummariesRepository(db);
    const now = new Date();
    const total = parsed.rows.length;
    onProgress({ stage: 'writing', done: 0, total, unit: 'rows' });

    const { imported, alreadyUploaded } = writeInBulk(db, () => {
      const target = datasets.findOrCreate(request.guildId, dataset, 'transactions', now);
      const alreadyUploaded = uploads.findBySha256(request.guildId, target.datasetId, sha256) !== undefined;
      if (request.mode === 'replace') {
        transactions.deleteDataset(request.guildId, target.datasetId);
        summaries.deleteDataset(request.guildId, target.datasetId);
      }
      const uploadId = uploads.insert({
        guildId: request.guildId,
        datasetId: target.datasetId,
        fileName: request.fileName,
        sizeBytes: request.bytes.byteLength,
        sha256,
        uploadedBy: request.userId,
        uploadedAt: now.toISOString(),
        mode: request.mode,
        format: parsed.table.format,
        details: {
          rowsSkipped: parsed.rowsSkipped as Record<string, { count: number; lines: number[] }>,
          anonymousRows: parsed.anonymousRows,
          returnRows: parsed.returnRows,
          columns: parsed.columns as Record<string, string>,
          warnings: parsed.warnings,
          delimiter: parsed.table.delimiter,
          encoding: parsed.table.encoding,
          container: parsed.table.container,
          sheets: parsed.table.sheets,
        },
        rowsRead: parsed.rowsRead,
        rowsImported: 0,
        duplicatesIgnored: 0,
      });
      const stored = transactions.insertMany(request.guildId, target.datasetId, uploadId, parsed.rows, keys, (done) =>
        onProgress({ stage: 'writing', done, total, unit: 'rows' }),
      );
      const newCustomerLines = parsed.rows.filter((row, i): row is CustomerLine => stored[i] === 1 && row.customerId !== null);
      addToCustomerSummaries(summaries, request.guildId, target.datasetId, newCustomerLines);
      const imported = stored.reduce((count, flag) => count + flag, 0);
      uploads.setCounts(request.guildId, uploadId, imported, total - imported);
      return { imported, alreadyUploaded };
    });
    onProgress({ stage: 'done', done: total, total, unit: 'rows' });

    const warnings = [...parsed.table.warnings, ...parsed.warnings];
    return {
      ok: true,
      report: {
        dataset,
        fileName: request.fileName,
        format: parsed.table.format,
        delimiter: parsed.table.delimiter,
        encoding: parsed.table.encoding,
        container: parsed.table.container,
        sheets: parsed.table.sheets,
        rowsRead: parsed.rowsRead,
        rowsImported: imported,
        duplicatesIgnored: total - imported,
        ...skippedCounts(parsed),
        anonymousRows: parsed.anonymousRows,
        returnRows: parsed.returnRows,
        ...fileFigures(parsed.rows),
        columns: parsed.columns,
        warnings: [...new Set(warnings)],
        alreadyUploaded,
        mode: request.mode,
      },
    };
  } catch (error) {
    if (error instanceof IngestError) return { ok: false, code: error.code, details: error.details };
    throw error;
  }
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
