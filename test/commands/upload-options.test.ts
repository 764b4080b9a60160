import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.js';
import { invokeCommand } from '../../commands/invoke.js';
import type { CommandContext } from '../../src/app/context.js';
import type { Inspection } from '../../src/app/import/inspect-upload.js';
import type { Reply } from '../../src/app/reply.js';
import { csv, temporaryApp } from '../helpers.js';

const POS_CSV = csv(`
17850,2010-12-01,6,2.55,15.30
13047,2010-12-02,2,2.00,4.00
`);
const ALIGNED = csv(`
 00004 0001 19970101  2   29.33
 00021 0002 19970101  3   63.34
`);

const firstRow = (reply: Reply) => (reply.data as Inspection).firstRows[0];

describe('header: none and columns: (upload and inspect options)', () => {
  let app: ReturnType<typeof temporaryApp>;
  const ctx = (): CommandContext => ({ app, guildId: 'guild-a', userId: 'admin', locale: 'en', progress: () => {} });
  const inspect = (bytes: Uint8Array, options: Record<string, unknown>) =>
    invokeCommand(COMMANDS.find((c) => c.path.join(' ') === 'inspect')!, ctx(), { file: { fileName: 'pos.csv', bytes }, ...options }, (message, error) => {
      throw new Error(`${message}: ${String(error)}`);
    });

  beforeEach(() => {
    app = temporaryApp();
  });
  afterEach(() => app.cleanup());

  it('GIVEN a CSV without a header row and its columns named THEN line 1 is read as data, each field from its column', async () => {
    const reply = await inspect(POS_CSV, { header: 'none', columns: 'customer, date, quantity, skip, amount' });
    expect(reply).toMatchObject({ ok: true, data: { columns: { customer: 'customer', date: 'date', quantity: 'quantity', amount: 'amount' }, rowsRead: 2, rowsKept: 2 } });
    expect(firstRow(reply)).toMatchObject({ line: 1, customerId: '17850', quantity: 6, unitPrice: null, amount: 15.3 });
  });

  it('GIVEN `price` and `-` THEN the price column is the unit price and the ignored column is left out', async () => {
    const reply = await inspect(POS_CSV, { header: 'none', columns: 'Customer,date,quantity,price,-' });
    expect(reply).toMatchObject({ ok: true, data: { columns: { customer: 'customer', date: 'date', quantity: 'quantity', unitPrice: 'unit_price' } } });
    expect(firstRow(reply)).toMatchObject({ unitPrice: 2.55, amount: 15.3 });
  });

  it('GIVEN whitespace-aligned lines and header: none THEN they are read as columns', async () => {
    const reply = await inspect(ALIGNED, { header: 'none', columns: 'skip,customer,date,quantity,amount' });
    expect(reply).toMatchObject({ ok: true, data: { delimiter: ' ', rowsKept: 2 } });
    expect(firstRow(reply)).toMatchObject({ line: 1, customerId: '0001', date: '1997-01-01T00:00:00', quantity: 2, amount: 29.33 });
  });

  it.each([
    ['an unknown name', { header: 'none', columns: 'customer,dat,amount' }, "columns: 'dat' is not a column name; use invoice, customer, date, quantity, unit_price, amount, product, description, country, category, or skip for a column to ignore"],
    ['a field named twice', { header: 'none', columns: 'customer,date,date,amount' }, "columns: 'date' is named twice"],
    ['no spend column', { header: 'none', columns: 'customer,date,quantity' }, 'columns: name the customer and date columns and the amount (or quantity and unit_price)'],
    ['an empty name', { header: 'none', columns: 'customer,,date,amount' }, 'columns: a name is missing between commas'],
    ['header: none alone', { header: 'none' }, 'columns: required with header: none'],
    ['columns: without header: none', { columns: 'customer,date,amount' }, 'columns: applies to a file without a header row; add header: none'],
    ['a …_column option with header: none', { header: 'none', columns: 'customer,date,amount', date_column: 'Date' }, 'date_column: with header: none, columns: names the columns'],
  ])('GIVEN %s THEN the options are refused, saying what to write', async (_, options, problem) => {
    const reply = await inspect(POS_CSV, options);
    expect(reply).toMatchObject({ ok: false, data: { error: 'invalid_input' } });
    expect(reply.text.replaceAll('\\', '')).toContain(problem);
  });

  it('GIVEN fewer names than the lines have values THEN column_count shows line 1 and its values', async () => {
    const reply = await inspect(ALIGNED, { header: 'none', columns: 'customer,date,quantity,amount' });
    expect(reply).toMatchObject({ ok: false, data: { error: 'column_count' } });
    expect(reply.text).toBe(
      "columns: names 4 columns, but line 1 has 5 values: '00004', '0001', '19970101', '2', '29.33'. Give one name per value, in order, with skip for a value to ignore. Nothing was stored.",
    );
  });

  it('GIVEN a file without a header row and no options THEN the refusal says how to name its columns', async () => {
    const reply = await inspect(ALIGNED, {});
    expect(reply).toMatchObject({ ok: false, data: { error: 'no_header' } });
    expect(reply.text).toContain("line 1 holds 5 values: '00004', '0001', '19970101', '2', '29.33'");
    expect(reply.text).toContain('header: none columns: customer,date,quantity,amount (CLI --header none --columns customer,date,quantity,amount)');
  });
});
