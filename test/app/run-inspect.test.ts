import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inspectUpload } from '../../src/app/import/inspect-upload.js';
import { inspectInWorker } from '../../src/app/import/run-inspect.js';
import { handOverBytes } from '../../src/app/import/run-import.js';
import { csv, projectFile } from '../helpers.js';

const sample = () => new Uint8Array(readFileSync(projectFile('data/sample_online_retail.csv')));

describe('a dry run on a worker thread', () => {
  it('GIVEN the sample export THEN the worker answers exactly what the dry run on this thread answers, and the caller\'s bytes are left as they were', async () => {
    const bytes = sample();
    const here = await inspectUpload({ fileName: 'sample.csv', bytes: sample(), ingest: {} });
    const there = await inspectInWorker({ fileName: 'sample.csv', bytes, ingest: {} });
    expect(here.ok).toBe(true);
    expect(there).toEqual(here);
    expect(Buffer.from(bytes).equals(sample())).toBe(true);
  });

  it('GIVEN bytes handed over THEN they are moved to the worker, not copied: they read as empty here afterwards', async () => {
    const bytes = handOverBytes(sample());
    const outcome = await inspectInWorker({ fileName: 'sample.csv', bytes, ingest: { currency: 'GBP' } });
    expect(outcome).toMatchObject({ ok: true, inspection: { currency: 'GBP' } });
    expect(bytes.byteLength).toBe(0);
  });

  it('GIVEN a file it cannot read THEN the refusal comes back as the dry run on this thread gives it', async () => {
    const unreadable = csv('just,some\nwords,here\n');
    const here = await inspectUpload({ fileName: 'words.csv', bytes: unreadable.slice(), ingest: {} });
    expect(here.ok).toBe(false);
    expect(await inspectInWorker({ fileName: 'words.csv', bytes: unreadable, ingest: {} })).toEqual(here);
  });
});
