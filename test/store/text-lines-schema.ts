import type Database from 'better-sqlite3';
import { m001Initial } from '../../src/store/migrations/001-initial.js';

/**
 * Turns a current database's lines back into the schema before migration 6, texts written out in transactions, so
 * a test can open it as an older release left it. The lines' content is kept; dataset_texts and the view go.
 */
export function revertToTextLines(db: Database.Database): void {
  const textTable = /CREATE TABLE transactions \([\s\S]*?\) STRICT, WITHOUT ROWID;/.exec(m001Initial)![0];
  db.exec(`${textTable.replace('CREATE TABLE transactions', 'CREATE TABLE text_transactions')}
           INSERT INTO text_transactions SELECT * FROM transaction_lines;
           DROP VIEW transaction_lines;
           DROP TABLE transactions;
           DROP TABLE dataset_texts;
           ALTER TABLE text_transactions RENAME TO transactions;`);
}
