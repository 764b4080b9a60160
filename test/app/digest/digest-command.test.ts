import { PermissionFlagsBits } from 'discord.js';
import { afterAll, describe, expect, it } from 'vitest';
import digestPreview from '../../../commands/digest-preview.js';
import { COMMANDS } from '../../../commands/index.js';
import { invokeCommand } from '../../../commands/invoke.js';
import { importUpload } from '../../../src/app/import/import-upload.js';
import { segmentDataset } from '../../../src/app/segments/segment-dataset.js';
import { updateSettings } from '../../../src/app/workspace/settings.js';
import { findCommand } from '../../../src/transports/cli/main.js';
import { commandDefinitions } from '../../../src/transports/discord/command-definitions.js';
import { csv, temporaryApp } from '../../helpers.js';

describe('the digest preview command', () => {
  const app = temporaryApp();
  afterAll(() => app.cleanup());

  it('THEN Discord shows it as /digest preview, for Manage Server, answered privately', () => {
    const digest = commandDefinitions(COMMANDS).find((definition) => definition.name === 'digest')!;
    expect(digest.options?.map((option) => option.name)).toContain('preview');
    expect(digestPreview).toMatchObject({ permission: 'manage', answersPrivately: true });
    if (COMMANDS.filter((command) => command.path[0] === 'digest').every((command) => command.permission === 'manage')) {
      expect(digest.default_member_permissions).toBe(String(PermissionFlagsBits.ManageGuild));
    }
  });

  it('THEN the command line calls it `segmenta digest`', () => {
    expect(findCommand(['digest'])?.command).toBe(digestPreview);
    expect(findCommand(['digest', 'preview'])?.command).toBe(digestPreview);
  });

  it('GIVEN a server set to Indonesian THEN the preview comes in Indonesian with the server’s currency', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => `${i},P${i % 7},Mug,${1 + (i % 3)},2011-${String(1 + (i % 11)).padStart(2, '0')}-1${i % 10} 10:00:00,${2 + (i % 5)}.50,${100 + (i % 30)},UK`);
    await importUpload(app.db, { guildId: 'g', userId: 'u', fileName: 'shop.csv', bytes: csv(['InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country', ...rows].join('\n')), mode: 'append', dataset: 'shop', ingest: {} });
    expect(segmentDataset(app.db, { guildId: 'g', convention: 'net', now: new Date() }).ok).toBe(true);
    updateSettings(app.db, 'g', 'u', { language: 'id', currency: 'IDR' }, new Date());
    const reply = await invokeCommand(digestPreview, { app, guildId: 'g', userId: 'u', locale: 'en', progress: () => {} }, {}, (message, error) => {
      throw new Error(`${message}: ${String(error)}`);
    });
    expect(reply.ok).toBe(true);
    expect(reply.text).toMatch(/^\*\*Ringkasan mingguan shop\*\*/);
    expect(reply.embeds![0]!.fields![0]!.value).toMatch(/Rp/);
  });
});
