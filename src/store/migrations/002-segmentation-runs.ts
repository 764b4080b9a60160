/**
 * Segmentation runs. A run is never overwritten: the weekly digest compares the latest run with earlier ones,
 * so each keeps its as-of date, convention, k, seed and every customer's segment as they were then. The
 * curves, scaling, centroids and profiles are read whole and never queried, so they live in `details` (JSON).
 */
export const m002SegmentationRuns = /* sql */ `
CREATE TABLE segmentation_runs (
  run_id     INTEGER PRIMARY KEY,
  guild_id   TEXT NOT NULL,
  dataset_id INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  as_of      INTEGER, -- epoch ms of the wall-clock time recency is measured from, read as UTC
  convention TEXT NOT NULL CHECK (convention IN ('net', 'gross')),
  method     TEXT NOT NULL CHECK (method IN ('kmeans', 'grid')),
  k          INTEGER,
  seed       INTEGER NOT NULL,
  customers  INTEGER NOT NULL,
  details    TEXT NOT NULL,
  UNIQUE (guild_id, run_id),
  FOREIGN KEY (guild_id, dataset_id) REFERENCES datasets (guild_id, dataset_id) ON DELETE CASCADE
) STRICT;
CREATE INDEX runs_by_dataset ON segmentation_runs (guild_id, dataset_id, run_id);

CREATE TABLE run_customers (
  guild_id            TEXT NOT NULL,
  run_id              INTEGER NOT NULL,
  customer_id         TEXT NOT NULL,
  recency_days        INTEGER NOT NULL,
  frequency           INTEGER NOT NULL,
  monetary            REAL NOT NULL,
  first_purchase      INTEGER NOT NULL,
  last_purchase       INTEGER NOT NULL,
  average_order_value REAL NOT NULL,
  return_rate         REAL NOT NULL,
  r_score             INTEGER NOT NULL CHECK (r_score BETWEEN 1 AND 5),
  f_score             INTEGER NOT NULL CHECK (f_score BETWEEN 1 AND 5),
  m_score             INTEGER NOT NULL CHECK (m_score BETWEEN 1 AND 5),
  r_percentile        REAL NOT NULL,
  f_percentile        REAL NOT NULL,
  m_percentile        REAL NOT NULL,
  cluster             INTEGER,
  segment             TEXT,
  grid_segment        TEXT NOT NULL,
  PRIMARY KEY (guild_id, run_id, customer_id),
  FOREIGN KEY (guild_id, run_id) REFERENCES segmentation_runs (guild_id, run_id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;
CREATE INDEX run_customers_by_segment ON run_customers (guild_id, run_id, segment);
CREATE INDEX run_customers_by_grid_segment ON run_customers (guild_id, run_id, grid_segment);

CREATE TABLE playbook_overrides (
  guild_id   TEXT NOT NULL,
  segment    TEXT NOT NULL,
  actions    TEXT NOT NULL, -- JSON array of playbook actions, validated before it is written
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (guild_id, segment)
) STRICT;
`;
