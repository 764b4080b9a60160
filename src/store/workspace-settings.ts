import type { Db } from './open-database.js';
import { perConnection } from './per-connection.js';

export interface WorkspaceSettings {
  /** Discord role whose members may read results besides those with Manage Server; null: Manage Server only. */
  readRoleId: string | null;
  language: 'auto' | 'en' | 'id';
  /** ISO 4217 code shown with amounts; null: amounts without a currency. */
  currency: string | null;
  /** IANA time zone of the server (e.g. Asia/Makassar), the default of `/digest set`; null: none chosen. */
  timezone: string | null;
}

export const DEFAULT_SETTINGS: WorkspaceSettings = { readRoleId: null, language: 'auto', currency: null, timezone: null };

function makeWorkspaceSettingsRepository(db: Db) {
  const get = db.prepare<{ guildId: string }, WorkspaceSettings>(
    `SELECT read_role_id AS readRoleId, language, currency, timezone FROM workspace_settings WHERE guild_id = @guildId`,
  );
  const upsert = db.prepare<WorkspaceSettings & { guildId: string; updatedBy: string; updatedAt: string }>(
    `INSERT INTO workspace_settings (guild_id, read_role_id, language, currency, timezone, updated_by, updated_at)
     VALUES (@guildId, @readRoleId, @language, @currency, @timezone, @updatedBy, @updatedAt)
     ON CONFLICT (guild_id) DO UPDATE SET read_role_id = excluded.read_role_id, language = excluded.language,
       currency = excluded.currency, timezone = excluded.timezone, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
  );
  return {
    get: (guildId: string): WorkspaceSettings => get.get({ guildId }) ?? DEFAULT_SETTINGS,
    set(guildId: string, settings: WorkspaceSettings, updatedBy: string, now: Date): void {
      upsert.run({ guildId, ...settings, updatedBy, updatedAt: now.toISOString() });
    },
  };
}

/** A server's settings. Every statement filters on guild_id. */
export const workspaceSettingsRepository = perConnection(makeWorkspaceSettingsRepository);
