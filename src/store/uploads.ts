import type { Db } from './open-database.js';

export interface UploadDetails {
  rowsSkipped: Record<string, { count: number; lines: number[] }>;
  anonymousRows: number;
  returnRows: number;
  columns: Record<string, string>;
  warnings: string[];
  delimiter?: string;
  encoding?: string;
  container?: string;
  sheets?: string[];
}

export interface NewUpload {
  guildId: string;
  datasetId: number;
  fileName: string;
  sizeBytes: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: string;
  mode: 'append' | 'replace';
  format: string;
  details: UploadDetails;
  rowsRead: number;
  rowsImported: number;
  duplicatesIgnored: number;
}

export interface UploadRecord extends NewUpload {
  uploadId: number;
}

interface UploadRow extends Omit<UploadRecord, 'details'> {
  details: string;
}

/** The record of every upload: who sent which file when, and what came of it. */
export function uploadsRepository(db: Db) {
  const columns = `upload_id AS uploadId, guild_id AS guildId, dataset_id AS datasetId, file_name AS fileName,
    size_bytes AS sizeBytes, sha256, uploaded_by AS uploadedBy, uploaded_at AS uploadedAt, mode, format, details,
    rows_read AS rowsRead, rows_imported AS rowsImported, duplicates_ignored AS duplicatesIgnored`;
  const insert = db.prepare<Omit<UploadRow, 'uploadId'>>(
    `INSERT INTO uploads (guild_id, dataset_id, file_name, size_bytes, sha256, uploaded_by, uploaded_at, mode, format,
                          details, rows_read, rows_imported, duplicates_ignored)
     VALUES (@guildId, @datasetId, @fileName, @sizeBytes, @sha256, @uploadedBy, @uploadedAt, @mode, @format,
             @details, @rowsRead, @rowsImported, @duplicatesIgnored)`,
  );
  const setOutcome = db.prepare<{ guildId: string; uploadId: number; details: string; rowsRead: number; rowsImported: number; duplicatesIgnored: number }>(
    `UPDATE uploads SET details = @details, rows_read = @rowsRead, rows_imported = @rowsImported, duplicates_ignored = @duplicatesIgnored
      WHERE guild_id = @guildId AND upload_id = @uploadId`,
  );
  const bySha = db.prepare<{ guildId: string; datasetId: number; sha256: string }, UploadRow>(
    `SELECT ${columns} FROM uploads
      WHERE guild_id = @guildId AND dataset_id = @datasetId AND sha256 = @sha256
      ORDER BY upload_id LIMIT 1`,
  );
  const byDataset = db.prepare<{ guildId: string; datasetId: number }, UploadRow>(
    `SELECT ${columns} FROM uploads WHERE guild_id = @guildId AND dataset_id = @datasetId ORDER BY upload_id`,
  );
  const toRecord = (row: UploadRow): UploadRecord => ({ ...row, details: JSON.parse(row.details) as UploadDetails });

  return {
    insert: (upload: NewUpload): number =>
      Number(insert.run({ ...upload, details: JSON.stringify(upload.details) }).lastInsertRowid),
    /** What came of an upload inserted before its file was read to the end. */
    setOutcome: (guildId: string, uploadId: number, outcome: Pick<NewUpload, 'details' | 'rowsRead' | 'rowsImported' | 'duplicatesIgnored'>): void => {
      setOutcome.run({ guildId, uploadId, ...outcome, details: JSON.stringify(outcome.details) });
    },
    findBySha256(guildId: string, datasetId: number, sha256: string): UploadRecord | undefined {
      const row = bySha.get({ guildId, datasetId, sha256 });
      return row && toRecord(row);
    },
    listForDataset: (guildId: string, datasetId: number): UploadRecord[] => byDataset.all({ guildId, datasetId }).map(toRecord),
  };
}
export type UploadsRepository = ReturnType<typeof uploadsRepository>;
