import type { WorkspaceSettings } from '../../store/workspace-settings.js';

/** Who is asking, as a Discord door sees them. */
export interface Member {
  canManageServer: boolean;
  roleIds: readonly string[];
}

/**
 * Whether a member may run a command. Changing data ('manage') needs Manage Server; reading results needs
 * Manage Server or the role the server chose with /settings role. Until a role is chosen everyone may read,
 * so a team that just added the bot is not locked out of its first upload's results. Help is for everyone.
 */
export function mayRun(permission: 'manage' | 'read' | 'everyone', member: Member, settings: WorkspaceSettings): boolean {
  if (permission === 'everyone' || member.canManageServer) return true;
  if (permission === 'manage') return false;
  return settings.readRoleId === null || member.roleIds.includes(settings.readRoleId);
}
