import type { Db } from '../../store/open-database.js';
import type { Locale } from '../reply.js';
import { workspaceSettingsRepository, type WorkspaceSettings } from '../../store/workspace-settings.js';

export type { WorkspaceSettings };

/** Changes some of a server's settings, keeping the others. Returns the settings now in force. */
export function updateSettings(db: Db, guildId: string, userId: string, change: Partial<WorkspaceSettings>, now: Date): WorkspaceSettings {
  const settings = workspaceSettingsRepository(db);
  const next = { ...settings.get(guildId), ...change };
  settings.set(guildId, next, userId, now);
  return next;
}

export const readSettings = (db: Db, guildId: string): WorkspaceSettings => workspaceSettingsRepository(db).get(guildId);

/** The language to answer in: the server's choice, else the member's own. */
export const replyLocale = (settings: WorkspaceSettings, memberLocale: Locale): Locale => (settings.language === 'auto' ? memberLocale : settings.language);
