import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importUpload } from '../../../src/app/import/import-upload.js';
import { segmentDataset } from '../../../src/app/segments/segment-dataset.js';
import { loadConfig } from '../../../src/config.js';
import { runLocalConsole } from '../../../src/transports/cli/console.js';
import { projectFile, temporaryApp } from '../../helpers.js';

describe('the local console', () => {
  let app: ReturnType<typeof temporaryApp>;
  beforeAll(async () => {
    app = temporaryApp();
    const bytes = new Uint8Array(readFileSync(projectFile('data/sample_online_retail.csv')));
    await importUpload(app.db, { guildId: 'local', userId: 'u', fileName: 'sample.csv', bytes, mode: 'append', dataset: 'shop', ingest: {} });
    segmentDataset(app.db, { guildId: 'local', convention: 'net', now: new Date('2026-01-01T00:00:00Z') });
  });
  afterAll(() => app.cleanup());

  /** Types the lines at the console and returns what it printed. */
  const typed = async (lines: string[], output: PassThrough) => {
    const chunks: Buffer[] = [];
    output.on('data', (chunk: Buffer) => chunks.push(chunk));
    const input = new PassThrough();
    input.end(`${lines.join('\n')}\nexit\n`);
    await runLocalConsole(loadConfig({ DATABASE_PATH: app.databasePath }), { input, output, errors: new PassThrough() });
    return Buffer.concat(chunks).toString('utf8');
  };

  it('GIVEN a card asked for at a terminal THEN its bold and italic are styles, not Markdown', async () => {
    const terminal = Object.assign(new PassThrough(), { isTTY: true, hasColors: () => true });
    const printed = await typed(['customer 13501'], terminal);
    expect(printed).toMatch(/Segment: \u001b\[1mHibernating\u001b\[22m \(#\d\)\nTypical Hibernating customer: \u001b\[3mlast bought [^\n]+\u001b\[23m\n/);
    expect(printed).not.toMatch(/\*\*|: _/);
  });

  it('GIVEN its output piped THEN the card is plain text', async () => {
    const printed = await typed(['customer 13501'], new PassThrough());
    expect(printed).toMatch(/Segment: Hibernating \(#\d\)\nTypical Hibernating customer: last bought /);
    expect(printed).not.toMatch(/\*\*|: _|\u001b/);
  });
});
