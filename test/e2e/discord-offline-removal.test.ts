import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listDatasets } from '../../src/app/datasets.js';
import { openDatabase } from '../../src/store/open-database.js';
import { startBot } from '../../src/transports/discord/bot.js';
import { createLogger } from '../../src/transports/discord/logger.js';
import { ADMIN, contentOf, finalResponse, startBotAgainstFake, type RunningBot } from './bot-harness.js';

const ORDERS = Buffer.from(
  'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n' +
    '1001,A1,MUG,2,2024-01-05 10:00:00,5.00,12346,United Kingdom\n' +
    '1002,A2,PLATE,1,2024-02-05 10:00:00,7.00,12347,United Kingdom\n',
);

describe('a server that removed the bot while it was offline, through the bot', () => {
  let running: RunningBot;
  beforeAll(async () => {
    running = await startBotAgainstFake({ fake: { guilds: [{ name: 'Toko A' }, { name: 'Toko B' }] } });
    for (const guild of running.fake.guilds) {
      const file = running.fake.addAttachment('orders.csv', ORDERS, 'text/csv');
      const imported = await finalResponse(running.fake, running.fake.sendCommand({ guildId: guild.id, name: 'upload', attachments: { file }, options: { dataset: 'orders' }, user: ADMIN }).id);
      expect(contentOf(imported)).toMatch(/Imported into dataset/);
    }
  });
  afterAll(async () => {
    await running?.close();
  });

  it('GIVEN the bot was removed from a server while stopped THEN its data is purged at the next start, and the other server keeps its own', async () => {
    const { fake, config } = running;
    const [guildA, guildB] = fake.guilds;
    await running.bot.stop();
    fake.removeGuild(guildB!.id);

    const logs: string[] = [];
    const restarted = await startBot(config, { log: createLogger('debug', [fake.token], { write: (line: string) => logs.push(line) }) });
    try {
      await expect.poll(() => logs.join('\n')).toMatch(new RegExp(`removed from guild ${guildB!.id}; its data was purged \\(2 rows\\)`));
    } finally {
      await restarted.stop();
    }
    const db = openDatabase(config.DATABASE_PATH, { readonly: true });
    try {
      const app = { db, databasePath: config.DATABASE_PATH, limits: {}, now: () => new Date() };
      expect(listDatasets(app, guildB!.id)).toEqual([]);
      expect(listDatasets(app, guildA!.id).map((dataset) => dataset.name)).toEqual(['orders']);
    } finally {
      db.close();
    }
  });
});
