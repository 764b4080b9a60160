import { PermissionFlagsBits, type PermissionsBitField } from 'discord.js';
import type { Command } from '../../../commands/command.js';

/**
 * Checked on our side for every command, whatever the server's integration settings say: a server admin can
 * reassign who sees a command, not who may change data. 'manage' needs Manage Server. 'read' is open to every
 * member until `/settings role` exists (issue 4, section 4).
 */
export function mayRun(command: Pick<Command, 'permission'>, memberPermissions: Readonly<PermissionsBitField> | null): boolean {
  if (command.permission === 'read') return true;
  return memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false;
}
