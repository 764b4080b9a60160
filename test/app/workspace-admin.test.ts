import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.js';
import { invokeCommand } from '../../commands/invoke.js';
import { mayRun } from '../../src/app/workspace/access.js';
import type { CommandContext } from '../../src/app/context.js';
import { importUpload } from '../../src/app/import/import-upload.js';
import { segmentDataset } from '../../src/app/segments/segment-dataset.js';
import { DEFAULT_SETTINGS } from '../../src/store/workspace-settings.js';
import { projectFile, temporaryApp } from '../helpers.js';

const sample = new Uint8Array(readFileSync(projectFile('data/sample_online_retail.csv')));
const command = (path: string) => COMMANDS.find((c) => c.path.join(' ') === path)!;

describe('server administration commands', () => {
  let app: ReturnType<typeof temporaryApp>;
  const ctx = (guildId: string, locale: 'en' | 'id' = 'en'): CommandContext => ({ app, guildId, userId: 'admin', locale, progress: () => {} });
  const run = (path: string, guildId: string, options: Record<string, unknown> = {}, locale: 'en' | 'id' = 'en') =>
    invokeCommand(command(path), ctx(guildId, locale), options, (message, error) => { throw new Error(`${message}: ${String(error)}`); });
  const seed = async (guildId: string) => {
    await importUpload(app.db, { guildId, userId: 'u', fileName: 'sample.csv', bytes: sample, mode: 'append', ingest: {} });
    segmentDataset(app.db, { guildId, convention: 'net', now: new Date() });
  };
  const count = (table: string, guildId: string) => app.db.prepare(`SELECT count(*) FROM ${table} WHERE guild_id = ?`).pluck().get(guildId) as number;

  beforeEach(() => {
    app = temporaryApp();
  });
  afterEach(() => app.cleanup());

  it('GIVEN /settings language and currency THEN replies switch language and show amounts in that currency', async () => {
    await seed('guild-a');
    expect(await run('settings', 'guild-a', { language: 'id', currency: 'idr' })).toMatchObject({ ok: true, data: { language: 'id', currency: 'IDR' } });
    const card = await run('segment customer', 'guild-a', { id: '13694' }, 'en');
    expect(card.embeds?.[0]?.title).toBe('Pelanggan 13694');
    expect(JSON.stringify(card.embeds)).toMatch(/Rp\s?62\.924/);
    const other = await run('segment customer', 'guild-b', { id: '13694' }, 'en');
    expect(other.text).toMatch(/Nothing has been uploaded yet/);
  });

  it('GIVEN an unknown currency THEN settings refuse it and keep the old value', async () => {
    const reply = await run('settings', 'guild-a', { currency: 'XYZ' });
    expect(reply.ok).toBe(false);
    expect(reply.text).toMatch(/three-letter currency code/);
    expect((await run('settings', 'guild-a')).data).toEqual(DEFAULT_SETTINGS);
  });

  const tablesWith = (column: string) =>
    (app.db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).pluck().all() as string[]).filter((table) =>
      (app.db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]).includes(column),
    );
  /** Tables and views with this column holding text: transactions numbers its texts, transaction_lines spells them out. */
  const textTablesWith = (column: string) =>
    (app.db.prepare(`SELECT name FROM sqlite_schema WHERE type IN ('table', 'view')`).pluck().all() as string[]).filter((table) =>
      (app.db.prepare(`SELECT type FROM pragma_table_info(?) WHERE name = ?`).pluck().all(table, column) as string[]).some((type) => type !== 'INTEGER'),
    );

  it('GIVEN /data forget THEN that customer is gone from every table of this server only', async () => {
    await seed('guild-a');
    await seed('guild-b');
    const customerLines = (guildId: string) =>
      app.db.prepare('SELECT count(*) FROM transaction_lines WHERE guild_id = ? AND customer_id = ?').pluck().get(guildId, '13694') as number;
    const before = customerLines('guild-a');
    expect(before).toBeGreaterThan(0);
    const textsBefore = app.db.prepare('SELECT count(*) FROM dataset_texts WHERE guild_id = ?').pluck().get('guild-a') as number;
    const reply = await run('data forget', 'guild-a', { customer: '13694' });
    expect(reply).toMatchObject({ ok: true, ephemeral: true, data: { lines: before, runEntries: 1 } });
    expect(customerLines('guild-a')).toBe(0);
    // Every table that names customers, so a table added later is covered too.
    const customerTables = textTablesWith('customer_id');
    expect(customerTables).toEqual(expect.arrayContaining(['transaction_lines', 'run_customers', 'customer_orders', 'customer_baskets']));
    expect(customerTables).not.toContain('transactions');
    const rowsOf = (table: string, guildId: string) =>
      app.db.prepare(`SELECT count(*) FROM ${table} WHERE guild_id = ? AND customer_id = ?`).pluck().get(guildId, '13694') as number;
    for (const table of customerTables) {
      expect(rowsOf(table, 'guild-a'), table).toBe(0);
      expect(rowsOf(table, 'guild-b'), table).toBeGreaterThan(0);
    }
    expect(customerLines('guild-b')).toBe(before);
    // Nor is the id kept among the texts lines are numbered with, nor any text only their lines carried.
    const texts = (guildId: string) => app.db.prepare('SELECT count(*) FROM dataset_texts WHERE guild_id = ? AND text = ?').pluck().get(guildId, '13694');
    expect([texts('guild-a'), texts('guild-b')]).toEqual([0, 1]);
    const unusedTexts = (guildId: string) =>
      app.db
        .prepare(
          `SELECT count(*) FROM dataset_texts x WHERE guild_id = ? AND NOT EXISTS (SELECT 1 FROM transactions t WHERE t.guild_id = x.guild_id
             AND t.dataset_id = x.dataset_id AND x.text_id IN (t.invoice, t.customer_id, t.product, t.description, t.country, t.category))`,
        )
        .pluck()
        .get(guildId);
    expect(unusedTexts('guild-a')).toBe(0);
    expect(textsBefore - (app.db.prepare('SELECT count(*) FROM dataset_texts WHERE guild_id = ?').pluck().get('guild-a') as number)).toBeGreaterThan(1);
  });

  it('GIVEN /data purge THEN it asks first where a door can, and empties only this server', async () => {
    await seed('guild-a');
    await seed('guild-b');
    await run('settings', 'guild-a', { currency: 'GBP' });
    expect(command('data purge').confirmFirst?.({}).en).toMatch(/cannot be undone/);
    expect(await run('data purge', 'guild-a')).toMatchObject({ ok: true });
    const workspaceTables = tablesWith('guild_id');
    expect(workspaceTables).toEqual(expect.arrayContaining(['datasets', 'transactions', 'customer_orders', 'dataset_texts', 'workspace_settings']));
    for (const table of workspaceTables) expect(count(table, 'guild-a'), table).toBe(0);
    expect(count('transactions', 'guild-b')).toBeGreaterThan(0);
    expect(count('run_customers', 'guild-b')).toBeGreaterThan(0);
  });

  it('GIVEN /help THEN it fits in one Discord message in both languages', async () => {
    for (const locale of ['en', 'id'] as const) {
      const reply = await run('help', 'guild-a', {}, locale);
      expect(reply.text.length).toBeLessThanOrEqual(2000);
      expect(reply.text).toMatch(/\/upload file:/);
    }
  });

  it('GIVEN /help THEN an embed states the naming rule and the returned-everything group in both languages', async () => {
    const en = (await run('help', 'guild-a', {}, 'en')).embeds![0]!;
    expect(en.description).toMatch(/silent for more than 3 gaps \(more than a year when fewer than 10% of customers, or fewer than 30, ever came back\) is lapsed/);
    expect(en.description).toMatch(/\*\*Returned everything\*\*/);
    const id = (await run('help', 'guild-a', {}, 'id')).embeds![0]!;
    expect(id.description).toMatch(/lebih dari 3 jeda/);
    expect(id.description).toMatch(/\*\*Mengembalikan semua\*\*/);
    for (const embed of [en, id]) expect(embed.description!.length).toBeLessThanOrEqual(4096);
  });

  it('GIVEN /help THEN it names every slash command, within one message of embeds, in both languages', async () => {
    for (const locale of ['en', 'id'] as const) {
      const reply = await run('help', 'guild-a', {}, locale);
      const everything = [reply.text, ...reply.embeds!.map((embed) => embed.description)].join('\n');
      for (const command of COMMANDS.filter((c) => c.path[0] !== 'help')) expect(everything, command.path.join(' ')).toContain(`/${command.path.join(' ')}`);
      const embedCharacters = reply.embeds!.reduce((sum, embed) => sum + (embed.title?.length ?? 0) + (embed.description?.length ?? 0), 0);
      expect(embedCharacters).toBeLessThanOrEqual(6000);
    }
  });
});

describe('mayRun', () => {
  const member = (canManageServer: boolean, roleIds: string[] = []) => ({ canManageServer, roleIds });
  it('GIVEN no read role THEN everyone reads and only Manage Server changes data', () => {
    expect(mayRun('read', member(false), DEFAULT_SETTINGS)).toBe(true);
    expect(mayRun('manage', member(false), DEFAULT_SETTINGS)).toBe(false);
    expect(mayRun('manage', member(true), DEFAULT_SETTINGS)).toBe(true);
  });
  it('GIVEN a read role THEN only its members and Manage Server read', () => {
    const settings = { ...DEFAULT_SETTINGS, readRoleId: '42' };
    expect(mayRun('read', member(false, ['7']), settings)).toBe(false);
    expect(mayRun('read', member(false, ['7', '42']), settings)).toBe(true);
    expect(mayRun('read', member(true), settings)).toBe(true);
    expect(mayRun('everyone', member(false, ['7']), settings)).toBe(true);
  });
});
