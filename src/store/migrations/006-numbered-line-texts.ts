import type Database from 'better-sqlite3';

/**
 * Lines refer to their texts by number. Binding six strings per line was half of an import's write: SQLite copies
 * each one as UTF-8, and the table took 68 MB for Online Retail against 41 MB with numbers. Back to back on the
 * same 536,493 lines, the insert took 1.8 s with texts and 0.9-1.2 s with numbers. Online Retail has 35,514
 * distinct texts in 3 million text cells, so the dictionary is small.
 *
 * - dataset_texts numbers every text a dataset's lines use (invoice, customer, product, description, country,
 *   category: one numbering for all six columns, as an upload's rows cross between threads).
 * - transactions keeps its columns and key; its text columns now hold text_id, and null still means no value.
 * - transaction_lines reads the lines with their texts spelled out, for queries and tests that want them.
 * - customer_baskets number their products and countries the same way, and dataset_names, which numbered them
 *   apart, is gone: an upload's baskets are then counted from the numbered lines without a text per line.
 * - datasets.next_text_id is the number the dataset's next new text gets, so that a number freed by erasure is
 *   not given to another text while anything could still refer to it.
 *
 * Row keys do not change: they hash a line's content, which is the same text.
 */
const numberedLines = /* sql */ `
CREATE TABLE dataset_texts (
  guild_id   TEXT NOT NULL,
  dataset_id INTEGER NOT NULL,
  text_id    INTEGER NOT NULL,
  text       TEXT NOT NULL,
  PRIMARY KEY (guild_id, dataset_id, text_id),
  UNIQUE (guild_id, dataset_id, text),
  FOREIGN KEY (guild_id, dataset_id) REFERENCES datasets (guild_id, dataset_id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

INSERT INTO dataset_texts
SELECT guild_id, dataset_id, row_number() OVER (PARTITION BY guild_id, dataset_id ORDER BY text) - 1, text
  FROM (SELECT guild_id, dataset_id, invoice AS text FROM transactions WHERE invoice IS NOT NULL
        UNION SELECT guild_id, dataset_id, customer_id FROM transactions WHERE customer_id IS NOT NULL
        UNION SELECT guild_id, dataset_id, product FROM transactions WHERE product IS NOT NULL
        UNION SELECT guild_id, dataset_id, description FROM transactions WHERE description IS NOT NULL
        UNION SELECT guild_id, dataset_id, country FROM transactions WHERE country IS NOT NULL
        UNION SELECT guild_id, dataset_id, category FROM transactions WHERE category IS NOT NULL);

CREATE TABLE numbered_transactions (
  guild_id    TEXT NOT NULL,
  dataset_id  INTEGER NOT NULL,
  row_key     INTEGER NOT NULL,
  upload_id   INTEGER NOT NULL,
  line        INTEGER NOT NULL,
  invoice     INTEGER, -- text_id in dataset_texts, as are customer_id, product, description, country and category
  customer_id INTEGER,
  ts          INTEGER NOT NULL, -- epoch ms of the wall-clock time written in the file, read as UTC
  product     INTEGER,
  description INTEGER,
  quantity    REAL,
  unit_price  REAL,
  amount      REAL NOT NULL,
  country     INTEGER,
  category    INTEGER,
  is_return   INTEGER NOT NULL CHECK (is_return IN (0, 1)),
  PRIMARY KEY (guild_id, dataset_id, row_key),
  FOREIGN KEY (guild_id, dataset_id) REFERENCES datasets (guild_id, dataset_id) ON DELETE CASCADE,
  FOREIGN KEY (guild_id, upload_id) REFERENCES uploads (guild_id, upload_id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

INSERT INTO numbered_transactions
SELECT t.guild_id, t.dataset_id, t.row_key, t.upload_id, t.line,
       (SELECT text_id FROM dataset_texts x WHERE x.guild_id = t.guild_id AND x.dataset_id = t.dataset_id AND x.text = t.invoice),
       (SELECT text_id FROM dataset_texts x WHERE x.guild_id = t.guild_id AND x.dataset_id = t.dataset_id AND x.text = t.customer_id),
       t.ts,
       (SELECT text_id FROM dataset_texts x WHERE x.guild_id = t.guild_id AND x.dataset_id = t.dataset_id AND x.text = t.product),
       (SELECT text_id FROM dataset_texts x WHERE x.guild_id = t.guild_id AND x.dataset_id = t.dataset_id AND x.text = t.description),
       t.quantity, t.unit_price, t.amount,
       (SELECT text_id FROM dataset_texts x WHERE x.guild_id = t.guild_id AND x.dataset_id = t.dataset_id AND x.text = t.country),
       (SELECT text_id FROM dataset_texts x WHERE x.guild_id = t.guild_id AND x.dataset_id = t.dataset_id AND x.text = t.category),
       t.is_return
  FROM transactions t;

DROP TABLE transactions;
ALTER TABLE numbered_transactions RENAME TO transactions;

CREATE VIEW transaction_lines AS
SELECT t.guild_id, t.dataset_id, t.row_key, t.upload_id, t.line,
       (SELECT text FROM dataset_texts x WHERE x.guild_id = t.guild_id AND x.dataset_id = t.dataset_id AND x.text_id = t.invoice) AS invoice,
       (SELECT text FROM dataset_texts x WHERE x.guild_id = t.guild_id AND x.dataset_id = t.dataset_id AND x.text_id = t.customer_id) AS customer_id,
       t.ts,
       (SELECT text FROM dataset_texts x WHERE x.guild_id = t.guild_id AND x.dataset_id = t.dataset_id AND x.text_id = t.product) AS product,
       (SELECT text FROM dataset_texts x WHERE x.guild_id = t.guild_id AND x.dataset_id = t.dataset_id AND x.text_id = t.description) AS description,
       t.quantity, t.unit_price, t.amount,
       (SELECT text FROM dataset_texts x WHERE x.guild_id = t.guild_id AND x.dataset_id = t.dataset_id AND x.text_id = t.country) AS country,
       (SELECT text FROM dataset_texts x WHERE x.guild_id = t.guild_id AND x.dataset_id = t.dataset_id AND x.text_id = t.category) AS category,
       t.is_return
  FROM transactions t;
`;

/** Names of basket products and countries that no line spells (none should be): numbered after the texts. */
const textsOfNames = /* sql */ `
INSERT INTO dataset_texts
SELECT n.guild_id, n.dataset_id,
       (SELECT coalesce(max(text_id), -1) FROM dataset_texts x WHERE x.guild_id = n.guild_id AND x.dataset_id = n.dataset_id)
         + row_number() OVER (PARTITION BY n.guild_id, n.dataset_id ORDER BY n.name),
       n.name
  FROM (SELECT DISTINCT guild_id, dataset_id, name FROM dataset_names) n
 WHERE NOT EXISTS (SELECT 1 FROM dataset_texts x WHERE x.guild_id = n.guild_id AND x.dataset_id = n.dataset_id AND x.text = n.name);
`;

const nextTextIds = /* sql */ `
ALTER TABLE datasets ADD COLUMN next_text_id INTEGER NOT NULL DEFAULT 0;
UPDATE datasets
   SET next_text_id = coalesce((SELECT max(text_id) + 1 FROM dataset_texts x WHERE x.guild_id = datasets.guild_id AND x.dataset_id = datasets.dataset_id), 0);
`;

/**
 * Numbers the lines' texts, then renumbers each stored basket's (name id, count) pairs from dataset_names to
 * dataset_texts, with code of its own so that this migration stays what it was when released.
 */
export function m006NumberedLineTexts(db: Database.Database): void {
  db.exec(numberedLines);
  db.exec(textsOfNames);
  db.exec(nextTextIds);
  const datasets = db.prepare(`SELECT DISTINCT guild_id, dataset_id FROM customer_baskets`).raw().all() as [string, number][];
  const renumbering = db
    .prepare<[string, number]>(
      `SELECT n.kind, n.name_id, x.text_id
         FROM dataset_names n JOIN dataset_texts x ON x.guild_id = n.guild_id AND x.dataset_id = n.dataset_id AND x.text = n.name
        WHERE n.guild_id = ? AND n.dataset_id = ?`,
    )
    .raw();
  const basketsOf = db
    .prepare<[string, number]>(`SELECT customer_id, products, countries FROM customer_baskets WHERE guild_id = ? AND dataset_id = ?`)
    .raw();
  const rewrite = db.prepare(`UPDATE customer_baskets SET products = ?, countries = ? WHERE guild_id = ? AND dataset_id = ? AND customer_id = ?`);
  for (const [guildId, datasetId] of datasets) {
    const textIds = { product: new Map<number, number>(), country: new Map<number, number>() };
    for (const [kind, nameId, textId] of renumbering.all(guildId, datasetId) as ['product' | 'country', number, number][]) {
      textIds[kind].set(nameId, textId);
    }
    const renumbered = (pairs: Buffer, ids: Map<number, number>) => {
      const out = Buffer.alloc(pairs.length);
      for (let at = 0; at < pairs.length; at += 8) {
        const textId = ids.get(pairs.readInt32LE(at));
        // Every basket name is in dataset_names; if one were not, writing 0 would silently name another text.
        if (textId === undefined) throw new Error(`basket of dataset ${datasetId} names ${pairs.readInt32LE(at)}, which dataset_names lacks`);
        out.writeInt32LE(textId, at);
        out.writeInt32LE(pairs.readInt32LE(at + 4), at + 4);
      }
      return out;
    };
    for (const [customerId, products, countries] of basketsOf.all(guildId, datasetId) as [string, Buffer, Buffer][]) {
      rewrite.run(renumbered(products, textIds.product), renumbered(countries, textIds.country), guildId, datasetId, customerId);
    }
  }
  db.exec('DROP TABLE dataset_names');
}
