import { gzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readTable, type ReadTableOptions } from '../../src/ingest/read-table.js';
import type { RawTable } from '../../src/ingest/types.js';
import { declareUncompressedSize, utf8 } from './fixtures.js';

/**
 * A compressed text inflated bigger than an uncompressed upload may be (limits.maxBytes) is inflated again for each
 * pass instead of kept inflated. Both ways must read the same table and refuse the same damage.
 */
const records = (table: RawTable) => [...table.records].map(({ line, cells }) => ({ line, cells }));
const refusal = (code: string, details?: Record<string, unknown>) =>
  expect.objectContaining({ name: 'IngestError', code, ...(details && { details: expect.objectContaining(details) }) });

/** A text with quoted cells that hold delimiters, quotes and line breaks, long enough to span many chunks. */
const rows = Array.from({ length: 20_000 }, (_, i) => `${1000 + i},"Mug, ""large""${i % 50 === 0 ? '\nsecond line' : ''}",${i % 7},${(i % 90) / 10}`);
const text = `Invoice,Description,Quantity,Price\n${rows.join('\n')}\n`;
/** Below the inflated size, above the compressed one: the streaming path. */
const streaming: ReadTableOptions = { limits: { maxBytes: 200 * 1024 } };

describe('compressed text read in chunks', () => {
  it.each([
    ['gzip', gzipSync(utf8(text)), 'orders.csv.gz'],
    ['zip', zipSync({ 'orders.csv': utf8(text) }), 'orders.zip'],
  ])('GIVEN a %s bigger inflated than maxBytes THEN the same table as when it is kept inflated', async (container, bytes, name) => {
    expect(bytes.length).toBeLessThan(200 * 1024);
    expect(text.length).toBeGreaterThan(2.5 * 200 * 1024);
    const kept = await readTable(bytes, name);
    const streamed = await readTable(bytes, name, streaming);
    const { records: _k, ...keptTable } = kept;
    const { records: _s, ...streamedTable } = streamed;
    expect(streamedTable).toEqual(keptTable);
    expect(streamed).toMatchObject({ container, recordCount: 20_000, header: ['Invoice', 'Description', 'Quantity', 'Price'] });
    const streamedRecords = records(streamed);
    expect(streamedRecords).toEqual(records(kept));
    expect(streamedRecords[50]).toEqual({ line: 53, cells: ['1050', 'Mug, "large"\nsecond line', '1', '5'] });
    expect(streamedRecords.at(-1)!.line).toBe(20_001 + 400);
  });

  it('GIVEN a gzip whose checksum is wrong THEN damaged_gzip, kept or streamed', async () => {
    const gz = gzipSync(utf8(text));
    gz[gz.length - 6]! ^= 0xff;
    await expect(readTable(gz, 'x.csv.gz')).rejects.toThrow(refusal('not_a_table', { detected: 'damaged_gzip' }));
    await expect(readTable(gz, 'x.csv.gz', streaming)).rejects.toThrow(refusal('not_a_table', { detected: 'damaged_gzip' }));
  });

  it('GIVEN a gzip past the compression-ratio cap THEN zip_bomb before any pass', async () => {
    const bomb = gzipSync(new Uint8Array(5_000_000).fill(0x61), { level: 9 });
    await expect(readTable(bomb, 'x.csv.gz', streaming)).rejects.toThrow(refusal('zip_bomb', { reason: 'ratio' }));
  });

  it('GIVEN a zip entry that inflates to more than it declares THEN it is cut at its declared size, streamed as kept', async () => {
    const declared = 300_000;
    const zip = declareUncompressedSize(zipSync({ 'orders.csv': utf8(text) }), 'orders.csv', declared);
    const streamed = records(await readTable(zip, 'x.zip', streaming));
    expect(streamed).toEqual(records(await readTable(zip, 'x.zip')));
    expect(streamed.length).toBeGreaterThan(1000);
    expect(streamed.length).toBeLessThan(20_000);
  });
});
