import type { Db } from './open-database.js';

/** Texts per INSERT statement: 256 parameters. */
const TEXT_BATCH = 64;

/**
 * A dataset's numbered texts while an upload is written: stored texts keep their number, new ones get the next
 * numbers and are written by flush(). A number freed by erasure is not given out again (datasets.next_text_id), so
 * nothing that kept a number comes to mean another text; replacing a dataset, which drops everything that could
 * refer to its texts, starts the numbers again.
 */
export interface TextDictionary {
  idOf(text: string): number;
  /** The text numbered `id`, which must be one idOf gave or one stored. */
  textOf(id: number): string;
  /** Writes the texts numbered since the last flush; call inside the upload's transaction. */
  flush(): void;
}

/** The texts a dataset's lines refer to by number (migration 6). Every statement filters on guild_id and dataset_id. */
export function datasetTextsRepository(db: Db) {
  const stored = db.prepare<[string, number]>(`SELECT text_id, text FROM dataset_texts WHERE guild_id = ? AND dataset_id = ?`).raw();
  const insertTexts = (count: number) =>
    db.prepare(
      `INSERT INTO dataset_texts (guild_id, dataset_id, text_id, text) VALUES ${Array.from({ length: count }, () => '(?, ?, ?, ?)').join(', ')}`,
    );
  const insertText = insertTexts(1);
  let insertBatch: ReturnType<typeof insertTexts> | undefined;
  const removeDataset = db.prepare<[string, number]>(`DELETE FROM dataset_texts WHERE guild_id = ? AND dataset_id = ?`);
  const nextTextId = db.prepare<[string, number]>(`SELECT next_text_id FROM datasets WHERE guild_id = ? AND dataset_id = ?`).pluck();
  const setNextTextId = db.prepare<[number, string, number]>(`UPDATE datasets SET next_text_id = ? WHERE guild_id = ? AND dataset_id = ?`);

  const write = (guildId: string, datasetId: number, texts: readonly string[], firstId: number) => {
    const values: unknown[] = [];
    const bind = (i: number, at: number) => {
      values[at] = guildId;
      values[at + 1] = datasetId;
      values[at + 2] = firstId + i;
      values[at + 3] = texts[i];
    };
    let i = 0;
    if (texts.length >= TEXT_BATCH) {
      const batch = (insertBatch ??= insertTexts(TEXT_BATCH));
      for (; i + TEXT_BATCH <= texts.length; i += TEXT_BATCH) {
        for (let j = 0; j < TEXT_BATCH; j++) bind(i + j, j * 4);
        batch.run(...values);
      }
      values.length = 4;
    }
    for (; i < texts.length; i++) {
      bind(i, 0);
      insertText.run(...values);
    }
  };

  return {
    dictionary(guildId: string, datasetId: number): TextDictionary {
      const ids = new Map<string, number>();
      const texts: string[] = [];
      let nextId = (nextTextId.get(guildId, datasetId) as number | undefined) ?? 0;
      for (const [id, text] of stored.all(guildId, datasetId) as [number, string][]) {
        ids.set(text, id);
        texts[id] = text;
        if (id >= nextId) nextId = id + 1;
      }
      let pending: string[] = [];
      let pendingFrom = nextId;
      return {
        idOf(text) {
          let id = ids.get(text);
          if (id === undefined) {
            id = nextId++;
            ids.set(text, id);
            texts[id] = text;
            pending.push(text);
          }
          return id;
        },
        textOf: (id) => texts[id]!,
        flush() {
          if (pending.length === 0) return;
          write(guildId, datasetId, pending, pendingFrom);
          setNextTextId.run(nextId, guildId, datasetId);
          pending = [];
          pendingFrom = nextId;
        },
      };
    },
    deleteDataset(guildId: string, datasetId: number): void {
      removeDataset.run(guildId, datasetId);
      setNextTextId.run(0, guildId, datasetId);
    },
  };
}
export type DatasetTextsRepository = ReturnType<typeof datasetTextsRepository>;
