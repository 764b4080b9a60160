/**
 * Lines refer to their texts by number. Binding six strings per line was half of an import's write: SQLite copies
 * each one as UTF-8, and a line's record was 2.3 times the size it is with numbers. Back to back on the same
 * 536,493 Online Retail lines, the insert took 1.8 s with texts and 0.9-1.2 s with numbers. Online Retail has
 * some 40,000 distinct texts in 3 million text cells, so the dictionary is small.
 *
 * - dataset_texts numbers every text a dataset's lines use (invoice, customer, product, description, country,
 *   category: one numbering for all six columns, as an upload's rows cross between threads).
 * - transactions keeps its columns and key; its text columns now hold text_id, and null still means no value.
 * - transaction_lines reads the lines with their texts spelled out, for queries and tests that want them.
 *
 * Row keys do not change: they hash a line's content, which is the same text.
 */
export const m006NumberedLineTexts = /* sql */ `
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
