/** What a server chose with /settings. One row per server; a server without a row uses the defaults. */
export const m003WorkspaceSettings = /* sql */ `
CREATE TABLE workspace_settings (
  guild_id     TEXT PRIMARY KEY,
  read_role_id TEXT,
  language     TEXT NOT NULL DEFAULT 'auto' CHECK (language IN ('auto', 'en', 'id')),
  currency     TEXT CHECK (currency IS NULL OR length(currency) = 3),
  updated_by   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
) STRICT;
`;
