import type { Db } from '../store/open-database.js';
import { workspaceSettingsRepository, type WorkspaceSettings } from '../store/workspace-settings.js';

export type { WorkspaceSettings };

/** Changes some of a server's settings, keeping the others. Returns the settings now in force. */
export function updateSettings(db: Db, guildId: string, userId: string, change: Partial<WorkspaceSettings>, now: Date): WorkspaceSettings {
  const settings = workspaceSettingsRepository(db);
  const next = { ...settings.get(guildId), ...change };
  settings.set(guildId, next, userId, now);
  return next;
}

export const readSettings = (db: Db, guildId: string): WorkspaceSettings => workspaceSettingsRepository(db).get(guildId);
