import type { Db } from '../../store/open-database.js';
import { installationRepository } from '../../store/installation.js';

const APPLICATION_KEY = 'discord_application_id';
/** Discord ids are snowflakes; 'local' and other CLI workspaces are never Discord servers. */
const DISCORD_ID = /^\d{17,20}$/;

export type DepartedCheck =
  | { checked: true; departed: string[] }
  | { checked: false; reason: 'first_start' | 'other_application'; storedApplicationId?: string };

/**
 * The servers this installation holds data for that the bot is no longer in: it was removed while it was
 * offline, so Discord never told it. Only decided when the data is known to belong to this very application;
 * on the first start the application is recorded and nothing is judged.
 */
export function departedWorkspaces(db: Db, applicationId: string, presentGuildIds: ReadonlySet<string>): DepartedCheck {
  const installation = installationRepository(db);
  const stored = installation.get(APPLICATION_KEY);
  if (stored === undefined) {
    installation.set(APPLICATION_KEY, applicationId);
    return { checked: false, reason: 'first_start' };
  }
  if (stored !== applicationId) return { checked: false, reason: 'other_application', storedApplicationId: stored };
  return { checked: true, departed: installation.workspaces().filter((id) => DISCORD_ID.test(id) && !presentGuildIds.has(id)) };
}
