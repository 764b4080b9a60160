/**
 * The weekly digest (issue #13): one schedule per server, and one row per server and period recording a post before
 * and after it is sent, so a restart, a retry or a second timer can never post a period twice.
 */
export const m008Digest = /* sql */ `
CREATE TABLE digest_schedules (
  guild_id          TEXT PRIMARY KEY,
  channel_id        TEXT NOT NULL,
  weekday           INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6), -- 0 = Sunday, as in cron
  time              TEXT NOT NULL CHECK (length(time) = 5 AND time GLOB '[0-2][0-9]:[0-5][0-9]'),
  timezone          TEXT NOT NULL, -- IANA zone, checked with Intl before it is written
  dataset           TEXT, -- a dataset name; null: the server's most recently updated dataset
  created_by        TEXT NOT NULL,
  active_since      TEXT NOT NULL, -- ISO instant; scheduled times before it are never caught up
  paused_reason     TEXT, -- why posting stopped (e.g. 'missing_permissions:SendMessages'); null: running
  failures          INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0), -- failed sends since the last post that went out
  alert_metric      TEXT CHECK (alert_metric IN ('at_risk_revenue_share', 'champions_change', 'customers_lost')),
  alert_threshold   REAL,
  alert_last_run_id INTEGER, -- the newest run an alert was judged for, so one run never alerts twice
  CHECK ((alert_metric IS NULL) = (alert_threshold IS NULL))
) STRICT;

CREATE TABLE digest_posts (
  guild_id         TEXT NOT NULL,
  period           TEXT NOT NULL, -- '2026-W49' for a scheduled week; 'now:2026-12-07T15:24' for /digest now
  kind             TEXT NOT NULL CHECK (kind IN ('scheduled', 'manual')),
  channel_id       TEXT NOT NULL,
  scheduled_at     TEXT NOT NULL, -- ISO instant the post was due
  status           TEXT NOT NULL CHECK (status IN ('sending', 'sent', 'skipped', 'failed')),
  reason           TEXT, -- of a skip or failure: 'downtime', 'no_data', 'missing_permissions:…', 'channel_not_found', …
  message_id       TEXT,
  attempts         INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  last_attempt_at  TEXT,
  uncertain_since  TEXT, -- start of the first attempt that may have reached Discord unseen (a timeout): resends only within the nonce's minutes
  sent_at          TEXT,
  updated_at       TEXT NOT NULL,
  PRIMARY KEY (guild_id, period)
) STRICT, WITHOUT ROWID;
CREATE INDEX digest_posts_by_time ON digest_posts (guild_id, scheduled_at, updated_at);
`;
