import { PermissionFlagsBits } from 'discord.js';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { defineCommand, type Command } from '../../../commands/command.js';
import { COMMANDS } from '../../../commands/index.js';
import { commandDefinitions } from '../../../src/transports/discord/command-definitions.js';
import { commandProblems } from '../../e2e/fake-discord/command-limits.js';

const command = (path: Command['path'], permission: Command['permission'], options: Command['options'] = []): Command =>
  defineCommand({ path, permission, options, description: { en: `Do ${path.join(' ')}`, id: `Lakukan ${path.join(' ')}` }, schema: z.object({}), run: async () => ({ ok: true, text: '' }) }) as unknown as Command;

describe('commandDefinitions', () => {
  it('GIVEN every command we ship THEN Discord would accept the registration', () => {
    expect(commandProblems(commandDefinitions(COMMANDS)).toErrors()).toEqual({});
  });

  it('GIVEN required options after optional ones THEN required ones come first, otherwise in the command\'s order', () => {
    const [definition] = commandDefinitions([
      command(['upload'], 'manage', [
        { name: 'dataset', type: 'string', description: { en: 'Dataset', id: 'Dataset' } },
        { name: 'file', type: 'attachment', required: true, description: { en: 'File', id: 'Berkas' } },
        { name: 'k', type: 'integer', choices: ['3', '4'], description: { en: 'K', id: 'K' } },
      ]),
    ]);
    expect(definition?.options?.map((option) => option.name)).toEqual(['file', 'dataset', 'k']);
    expect(definition?.options?.[2]).toMatchObject({ type: 4, choices: [{ name: '3', value: 3 }, { name: '4', value: 4 }] });
  });

  it('GIVEN choice labels and integer bounds THEN Discord shows localized labels and refuses out-of-range numbers itself', () => {
    const [definition] = commandDefinitions([
      command(['segments'], 'read', [
        { name: 'lens', type: 'string', choices: ['grid'], choiceLabels: { grid: { en: 'R × F grid', id: 'Grid R × F' } }, description: { en: 'Lens', id: 'Lensa' } },
        { name: 'k', type: 'integer', min: 2, max: 12, description: { en: 'K', id: 'K' } },
      ]),
    ]);
    expect(definition?.options?.[0]).toMatchObject({ choices: [{ name: 'R × F grid', name_localizations: { id: 'Grid R × F' }, value: 'grid' }] });
    expect(definition?.options?.[1]).toMatchObject({ type: 4, min_value: 2, max_value: 12 });
  });

  it('GIVEN a group where every subcommand needs Manage Server THEN the group is hidden from other members by default', () => {
    const [admin, mixed] = commandDefinitions([
      command(['playbook', 'set'], 'manage'),
      command(['playbook', 'reset'], 'manage'),
      command(['data', 'list'], 'read'),
      command(['data', 'purge'], 'manage'),
    ]);
    expect(admin).toMatchObject({ name: 'playbook', default_member_permissions: PermissionFlagsBits.ManageGuild.toString(), contexts: [0], integration_types: [0] });
    expect(admin?.options?.map((option) => option.name)).toEqual(['set', 'reset']);
    expect(mixed?.default_member_permissions ?? null).toBeNull();
    expect(mixed?.description).toBe('data: list, purge');
  });

  it('GIVEN an Indonesian name that is another command\'s name THEN it is dropped, so Indonesian members see two different names', () => {
    const definitions = commandDefinitions([command(['datasets', 'list'], 'read'), command(['dataset'], 'read')]);
    expect(definitions.map((definition) => [definition.name, definition.name_localizations?.id])).toEqual([
      ['datasets', undefined],
      ['dataset', undefined],
    ]);
  });

  it('GIVEN an option translated to a sibling option\'s English name THEN it keeps its English name; other options keep theirs', () => {
    const option = (name: string) => ({ name, type: 'string' as const, description: { en: name, id: name } });
    const [definition] = commandDefinitions([command(['segments'], 'read', [option('dataset'), option('datasets'), option('segment')])]);
    expect(definition?.options?.map((o) => o.name_localizations?.id)).toEqual([undefined, undefined, 'segmen']);
  });

  it('GIVEN a name used both as a command and as a group THEN it refuses, since Discord cannot have both', () => {
    expect(() => commandDefinitions([command(['segment'], 'read'), command(['segment', 'list'], 'read')])).toThrow(/both a command and a group/);
  });
});
