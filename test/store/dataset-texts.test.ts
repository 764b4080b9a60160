import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { datasetTextsRepository } from '../../src/store/dataset-texts.js';
import { datasetsRepository } from '../../src/store/datasets.js';
import { temporaryApp } from '../helpers.js';

describe('dataset texts', () => {
  let app: ReturnType<typeof temporaryApp>;
  beforeEach(() => {
    app = temporaryApp();
  });
  afterEach(() => app.cleanup());

  const numbered = (datasetId: number, texts: string[]) => {
    const dictionary = datasetTextsRepository(app.db).dictionary('g', datasetId);
    const ids = texts.map((text) => dictionary.idOf(text));
    dictionary.flush();
    return ids;
  };

  it('GIVEN texts stored THEN a later upload keeps their numbers and numbers new ones after them', () => {
    const { datasetId } = datasetsRepository(app.db).findOrCreate('g', 'd', 'transactions', new Date());
    expect(numbered(datasetId, ['a', 'b', 'a'])).toEqual([0, 1, 0]);
    expect(numbered(datasetId, ['b', 'c'])).toEqual([1, 2]);
    expect(datasetTextsRepository(app.db).dictionary('g', datasetId).textOf(2)).toBe('c');
  });

  it('GIVEN the highest-numbered text erased THEN its number is not given to the next new text', () => {
    const { datasetId } = datasetsRepository(app.db).findOrCreate('g', 'd', 'transactions', new Date());
    numbered(datasetId, ['a', 'secret']);
    app.db.prepare(`DELETE FROM dataset_texts WHERE text = 'secret'`).run();
    expect(numbered(datasetId, ['new'])).toEqual([2]);
  });

  it('GIVEN a dataset\'s texts deleted with its lines (replace mode) THEN numbering starts again', () => {
    const { datasetId } = datasetsRepository(app.db).findOrCreate('g', 'd', 'transactions', new Date());
    numbered(datasetId, ['a', 'b']);
    datasetTextsRepository(app.db).deleteDataset('g', datasetId);
    expect(numbered(datasetId, ['c'])).toEqual([0]);
  });
});
