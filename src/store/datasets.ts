import type { Db } from './open-database.js';
import { perConnection } from './per-connection.js';

export interface DatasetRecord {
  datasetId: number;
  guildId: string;
  name: string;
  kind: 'transactions' | 'customers';
  createdAt: string;
  /** What the amounts are in, when an upload said (ISO 4217). */
  currency: string | null;
}

export interface DatasetSummary extends DatasetRecord {
  uploads: number;
  rows: number;
  customers: number;
  firstTimestamp: number | null;
  lastTimestamp: number | null;
  lastUploadAt: string | null;
}

function makeDatasetsRepository(db: Db) {
  const byName = db.prepare<{ guildId: string; name: string }, DatasetRecord>(
    `SELECT dataset_id AS datasetId, guild_id AS guildId, name, kind, created_at AS createdAt, currency
       FROM datasets WHERE guild_id = @guildId AND name = @name`,
  );
  const insert = db.prepare<{ guildId: string; name: string; kind: string; createdAt: string }>(
    `INSERT INTO datasets (guild_id, name, kind, created_at) VALUES (@guildId, @name, @kind, @createdAt)`,
  );
  const summaries = db.prepare<{ guildId: string }, DatasetSummary>(
    `SELECT d.dataset_id AS datasetId, d.guild_id AS guildId, d.name, d.kind, d.created_at AS createdAt, d.currency,
            (SELECT count(*) FROM uploads u WHERE u.guild_id = d.guild_id AND u.dataset_id = d.dataset_id) AS uploads,
            (SELECT max(u.uploaded_at) FROM uploads u WHERE u.guild_id = d.guild_id AND u.dataset_id = d.dataset_id) AS lastUploadAt,
            count(t.row_key) AS rows,
            -- Every line with a customer is summed into one of their orders, so its customers are the orders':
            -- counted in key order there (3 ms on Online Retail) instead of de-duplicated over every line (110 ms).
            (SELECT count(DISTINCT o.customer_id) FROM customer_orders o WHERE o.guild_id = d.guild_id AND o.dataset_id = d.dataset_id) AS customers,
            min(t.ts) AS firstTimestamp,
            max(t.ts) AS lastTimestamp
       FROM datasets d
       LEFT JOIN transactions t ON t.guild_id = d.guild_id AND t.dataset_id = d.dataset_id
      WHERE d.guild_id = @guildId
      GROUP BY d.dataset_id
      ORDER BY d.name`,
  );
  const names = db.prepare<{ guildId: string }, string>(`SELECT name FROM datasets WHERE guild_id = @guildId ORDER BY name`).pluck();
  const setCurrency = db.prepare<[string, string, number]>(`UPDATE datasets SET currency = ? WHERE guild_id = ? AND dataset_id = ?`);
  const remove = db.prepare<{ guildId: string; name: string }>(
    `DELETE FROM datasets WHERE guild_id = @guildId AND name = @name`,
  );
  const latest = db.prepare<{ guildId: string }, DatasetRecord>(
    `SELECT d.dataset_id AS datasetId, d.guild_id AS guildId, d.name, d.kind, d.created_at AS createdAt, d.currency
       FROM datasets d
       LEFT JOIN uploads u ON u.guild_id = d.guild_id AND u.dataset_id = d.dataset_id
      WHERE d.guild_id = @guildId
      GROUP BY d.dataset_id
      ORDER BY max(u.uploaded_at) DESC, d.dataset_id DESC
      LIMIT 1`,
  );

  return {
    find: (guildId: string, name: string): DatasetRecord | undefined => byName.get({ guildId, name }),
    /** The dataset with the newest upload: what commands use when no dataset is named. */
    findLatest: (guildId: string): DatasetRecord | undefined => latest.get({ guildId }),
    findOrCreate(guildId: string, name: string, kind: DatasetRecord['kind'], now: Date): DatasetRecord {
      const found = byName.get({ guildId, name });
      if (found) return found;
      insert.run({ guildId, name, kind, createdAt: now.toISOString() });
      return byName.get({ guildId, name })!;
    },
    /** Every dataset with its counts: reads each dataset's lines once (60-150 ms for Online Retail's 541,909). */
    list: (guildId: string): DatasetSummary[] => summaries.all({ guildId }),
    /** The datasets' names, by name: what autocomplete needs, without reading any line. */
    names: (guildId: string): string[] => names.all({ guildId }),
    setCurrency: (guildId: string, datasetId: number, currency: string) => setCurrency.run(currency, guildId, datasetId),
    /** Deletes a dataset with its uploads and rows (ON DELETE CASCADE). Returns whether it existed. */
    delete: (guildId: string, name: string): boolean => remove.run({ guildId, name }).changes > 0,
  };
}

/** Datasets of one workspace. Every statement filters on guild_id. */
export const datasetsRepository = perConnection(makeDatasetsRepository);
export type DatasetsRepository = ReturnType<typeof datasetsRepository>;
