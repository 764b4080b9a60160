/**
 * Workspaces (Discord guilds; 'local' in the CLI) own datasets; every customer row carries guild_id in its key
 * and references its dataset through (guild_id, dataset_id), so a row can never point into another workspace.
 */
export const m001Initial = /* sql */ `
CREATE TABLE datasets (
  dataset_id INTEGER PRIMARY KEY,
  guild_id   TEXT NOT NULL,
  name       TEXT NOT NULL,
  kind       TEXT NOT NULL DEFAULT 'transactions' CHECK (kind IN ('transactions', 'customers')),
  created_at TEXT NOT NULL,
  UNIQUE (guild_id, name),
  UNIQUE (guild_id, dataset_id)
) STRICT;

CREATE TABLE uploads (
  upload_id          INTEGER PRIMARY KEY,
  guild_id           TEXT NOT NULL,
  dataset_id         INTEGER NOT NULL,
  file_name          TEXT NOT NULL,
  size_bytes         INTEGER NOT NULL,
  sha256             TEXT NOT NULL,
  uploaded_by        TEXT NOT NULL,
  uploaded_at        TEXT NOT NULL,
  mode               TEXT NOT NULL CHECK (mode IN ('append', 'replace')),
  format             TEXT NOT NULL,
  details            TEXT NOT NULL,
  rows_read          INTEGER NOT NULL,
  rows_imported      INTEGER NOT NULL,
  duplicates_ignored INTEGER NOT NULL,
  UNIQUE (guild_id, upload_id),
  FOREIGN KEY (guild_id, dataset_id) REFERENCES datasets (guild_id, dataset_id) ON DELETE CASCADE
) STRICT;
CREATE INDEX uploads_by_dataset ON uploads (guild_id, dataset_id, sha256);

CREATE TABLE transactions (
  guild_id    TEXT NOT NULL,
  dataset_id  INTEGER NOT NULL,
  row_key     INTEGER NOT NULL,
  upload_id   INTEGER NOT NULL,
  line        INTEGER NOT NULL,
  invoice     TEXT,
  customer_id TEXT,
  ts          INTEGER NOT NULL, -- epoch ms of the wall-clock time written in the file, read as UTC
  product     TEXT,
  description TEXT,
  quantity    REAL,
  unit_price  REAL,
  amount      REAL NOT NULL,
  country     TEXT,
  category    TEXT,
  is_return   INTEGER NOT NULL CHECK (is_return IN (0, 1)),
  PRIMARY KEY (guild_id, dataset_id, row_key),
  FOREIGN KEY (guild_id, dataset_id) REFERENCES datasets (guild_id, dataset_id) ON DELETE CASCADE,
  FOREIGN KEY (guild_id, upload_id) REFERENCES uploads (guild_id, upload_id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;
CREATE INDEX transactions_by_customer ON transactions (guild_id, dataset_id, customer_id, ts);
`;
