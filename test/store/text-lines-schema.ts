import type Database from 'better-sqlite3';
import { m001Initial } from '../../src/store/migrations/001-initial.js';
import { m005Tables } from '../../src/store/migrations/005-customer-summaries.js';

/**
 * Turns a current database back into the schema before migration 6 (undoing the later ones too), so a test can open it as an older release left
 * it: lines with their texts written out, and baskets numbering their products and countries in dataset_names (here
 * in reverse order of the texts' numbers, so a migration that kept the numbers as they were would be caught).
 */
export function revertToTextLines(db: Database.Database): void {
  // Later migrations first: 10 added the server's time zone, 9 who ran each segmentation run, 8 the digest tables,
  // 7 the datasets' currency.
  db.exec('ALTER TABLE workspace_settings DROP COLUMN timezone');
  db.exec('ALTER TABLE segmentation_runs DROP COLUMN run_by');
  db.exec('DROP TABLE digest_posts; DROP TABLE digest_schedules;');
  db.exec('ALTER TABLE datasets DROP COLUMN currency');
  const textTable = /CREATE TABLE transactions \([\s\S]*?\) STRICT, WITHOUT ROWID;/.exec(m001Initial)![0];
  const namesTable = /CREATE TABLE dataset_names \([\s\S]*?\) STRICT, WITHOUT ROWID;/.exec(m005Tables)![0];
  db.exec(`${textTable.replace('CREATE TABLE transactions', 'CREATE TABLE text_transactions')}
           INSERT INTO text_transactions SELECT * FROM transaction_lines;
           ${namesTable}`);
  const baskets = db.prepare('SELECT guild_id, dataset_id, customer_id, products, countries FROM customer_baskets').raw().all() as [string, number, string, Buffer, Buffer][];
  const textOf = db.prepare('SELECT text FROM dataset_texts WHERE guild_id = ? AND dataset_id = ? AND text_id = ?').pluck();
  const maxText = db.prepare('SELECT max(text_id) FROM dataset_texts WHERE guild_id = ? AND dataset_id = ?').pluck();
  const addName = db.prepare('INSERT OR IGNORE INTO dataset_names VALUES (?, ?, ?, ?, ?)');
  const rewrite = db.prepare('UPDATE customer_baskets SET products = ?, countries = ? WHERE guild_id = ? AND dataset_id = ? AND customer_id = ?');
  for (const [guildId, datasetId, customerId, products, countries] of baskets) {
    const last = maxText.get(guildId, datasetId) as number;
    const named = (kind: string, pairs: Buffer) => {
      const out = Buffer.alloc(pairs.length);
      for (let at = 0; at < pairs.length; at += 8) {
        const textId = pairs.readInt32LE(at);
        addName.run(guildId, datasetId, kind, last - textId, textOf.get(guildId, datasetId, textId));
        out.writeInt32LE(last - textId, at);
        out.writeInt32LE(pairs.readInt32LE(at + 4), at + 4);
      }
      return out;
    };
    rewrite.run(named('product', products), named('country', countries), guildId, datasetId, customerId);
  }
  db.exec(`DROP VIEW transaction_lines;
           DROP TABLE transactions;
           DROP TABLE dataset_texts;
           ALTER TABLE text_transactions RENAME TO transactions;
           ALTER TABLE datasets DROP COLUMN next_text_id;`);
}
