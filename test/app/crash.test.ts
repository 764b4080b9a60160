import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importUpload } from '../../src/app/import/import-upload.js';
import { openDatabase } from '../../src/store/open-database.js';
import { projectFile, sharedData, temporaryApp } from '../helpers.js';

const tsx = createRequire(import.meta.url).resolve('tsx');

describe('an import killed part-way', () => {
  let app: ReturnType<typeof temporaryApp>;
  beforeEach(() => {
    app = temporaryApp();
  });
  afterEach(() => app.cleanup());

  it('GIVEN kill -9 during the write THEN the database is intact and exactly as before', async () => {
    const sample = projectFile('data/sample_online_retail.csv');
    await importUpload(app.db, { guildId: 'local', userId: 't', fileName: 'sample.csv', bytes: new Uint8Array(readFileSync(sample)), mode: 'append', ingest: {} });
    const count = () => app.db.prepare('SELECT (SELECT count(*) FROM transactions) AS rows, (SELECT count(*) FROM uploads) AS uploads, (SELECT count(*) FROM datasets) AS datasets').get();
    const before = count();

    const child = spawn(process.execPath, ['--import', tsx, projectFile('test/fixtures/import-then-hang.ts'), app.databasePath, sharedData('online_retail.csv')], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const said = await new Promise<string>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        const text = chunk.toString();
        if (text.includes('mid-write')) {
          child.kill('SIGKILL');
          resolve('mid-write');
        } else if (text.includes('finished')) resolve('finished');
      });
      void exited.then(() => resolve('exited'));
    });
    expect(said).toBe('mid-write');
    await exited;

    app.db.close();
    const reopened = openDatabase(app.databasePath);
    app.db = reopened;
    expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(count()).toEqual(before);
  });
});
