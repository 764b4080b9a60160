import { PermissionFlagsBits, type GuildMember, type PermissionsBitField } from 'discord.js';
import type { Member } from '../../app/workspace/access.js';

/**
 * The asking member as the access rule (src/app/workspace/access.ts) sees them. Checked on our side for every command,
 * whatever the server's integration settings say: a server admin can reassign who sees a command, not who may
 * change data.
 */
export function memberOf(permissions: Readonly<PermissionsBitField> | null, member: GuildMember | { roles: readonly string[] } | null): Member {
  const roleIds = !member ? [] : Array.isArray(member.roles) ? [...member.roles] : [...(member as GuildMember).roles.cache.keys()];
  return { canManageServer: permissions?.has(PermissionFlagsBits.ManageGuild) ?? false, roleIds };
}
