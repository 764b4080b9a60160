import { z } from 'zod';
import type { CommandContext } from '../src/app/context.js';
import { HEADERLESS_NAMES } from '../src/ingest/columns.js';
import type { ColumnMapping, IngestOptions, TransactionField } from '../src/ingest/types.js';
import type { OptionSpec } from './command.js';
import { fileInput, optionalText } from './schemas.js';

/** Options every command that reads an export shares (`upload`, `inspect`), described once. */
export const fileOption: OptionSpec = {
  name: 'file', type: 'attachment', required: true, positional: true, description: { en: 'The export file', id: 'File ekspor' },
};

const columnOption = (name: string, en: string, id: string): OptionSpec => ({ name, type: 'string', description: { en, id } });

/** How the file is read: its columns, dates, numbers, sheet and non-product lines. */
export const readingOptions: readonly OptionSpec[] = [
  columnOption('customer_column', 'Column that identifies the customer', 'Kolom yang mengidentifikasi pelanggan'),
  columnOption('date_column', 'Column with the purchase date', 'Kolom tanggal pembelian'),
  columnOption('amount_column', 'Column with the line total', 'Kolom total per baris'),
  columnOption('quantity_column', 'Column with the quantity', 'Kolom jumlah barang'),
  columnOption('price_column', 'Column with the unit price', 'Kolom harga satuan'),
  columnOption('invoice_column', 'Column with the invoice or order id', 'Kolom nomor invoice atau pesanan'),
  columnOption('product_column', 'Column with the product code or name', 'Kolom kode atau nama produk'),
  columnOption('country_column', 'Column with the country or region', 'Kolom negara atau wilayah'),
  {
    name: 'date_order', type: 'string', choices: ['auto', 'day-first', 'month-first'],
    description: { en: 'How to read dates like 03/04/2024', id: 'Cara membaca tanggal seperti 03/04/2024' },
  },
  { name: 'decimal', type: 'string', choices: ['auto', 'dot', 'comma'], description: { en: 'Decimal mark in numbers', id: 'Tanda desimal pada angka' } },
  { name: 'sheet', type: 'string', description: { en: 'Workbook sheet to read (XLSX)', id: 'Sheet yang dibaca (XLSX)' } },
  {
    name: 'header', type: 'string', choices: ['auto', 'none'],
    choiceLabels: {
      auto: { en: 'Auto: find the row naming the columns', id: 'Otomatis: cari baris nama kolom' },
      none: { en: 'None: the first line is data; name the columns with columns:', id: 'Tidak ada: baris pertama adalah data; sebut kolomnya dengan columns:' },
    },
    description: { en: 'none: the file has no header row (name its columns with columns:)', id: 'none: file tanpa baris judul (sebut kolomnya dengan columns:)' },
  },
  {
    name: 'columns', type: 'string',
    description: {
      en: 'With header: none, the columns in order, e.g. customer,date,quantity,amount (skip to ignore one)',
      id: 'Dengan header: none, kolom berurutan, mis. customer,date,quantity,amount (skip untuk mengabaikan)',
    },
  },
  {
    name: 'non_product_lines', type: 'string', choices: ['skip', 'keep'],
    description: { en: 'Postage and fee lines: skip (default) or keep them in spend', id: 'Baris ongkir dan biaya: skip (bawaan) atau keep dalam belanja' },
  },
];

/** The schema fields of `fileOption` and `readingOptions`, to spread into a command's `z.object`. */
export const readingFields = {
  file: fileInput,
  customer_column: optionalText,
  date_column: optionalText,
  amount_column: optionalText,
  quantity_column: optionalText,
  price_column: optionalText,
  invoice_column: optionalText,
  product_column: optionalText,
  country_column: optionalText,
  date_order: z.enum(['auto', 'day-first', 'month-first']).default('auto'),
  decimal: z.enum(['auto', 'dot', 'comma']).default('auto'),
  sheet: optionalText,
  header: z.enum(['auto', 'none']).default('auto'),
  columns: optionalText.transform(headerlessColumns),
  non_product_lines: z.enum(['skip', 'keep']).default('skip'),
};

export type ReadingInput = z.infer<z.ZodObject<typeof readingFields>>;

/**
 * The checks between reading options, for a command's schema (`z.object({...readingFields}).superRefine(...)`):
 * `header: none` and `columns:` go together, and the `…_column` options, which name header cells, do not apply
 * to a file without a header.
 */
export function checkReadingOptions(input: ReadingInput, ctx: z.RefinementCtx): void {
  if (input.header === 'none' && input.columns === undefined) {
    ctx.addIssue({ code: 'custom', path: ['columns'], message: `required with header: none; name the file's columns in order, e.g. ${EXAMPLE_COLUMNS}` });
  }
  if (input.header !== 'none' && input.columns !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['columns'], message: 'applies to a file without a header row; add header: none (CLI --header none)' });
  }
  if (input.header !== 'none') return;
  for (const option of COLUMN_OPTIONS) {
    if (input[option] !== undefined) {
      ctx.addIssue({ code: 'custom', path: [option], message: 'with header: none, columns: names the columns; leave this option out' });
    }
  }
}

const COLUMN_OPTIONS = [
  'customer_column', 'date_column', 'amount_column', 'quantity_column', 'price_column', 'invoice_column', 'product_column', 'country_column',
] as const;
const EXAMPLE_COLUMNS = 'customer,date,quantity,amount';

/** The words `columns:` takes: each field's name (and `price` for unit_price), and `skip` or `-` for a column to ignore. */
const COLUMN_WORDS: ReadonlyMap<string, TransactionField | null> = new Map([
  ...Object.entries(HEADERLESS_NAMES).map(([field, name]) => [name, field as TransactionField] as const),
  ['price', 'unitPrice'],
  ['skip', null],
  ['-', null],
]);

/**
 * `customer,date,quantity,amount` -> the fields of a header-less file's columns in order, null for one to ignore.
 * Refuses an unknown name, a field named twice, and a list that lacks the customer, the date or the spend.
 */
function headerlessColumns(value: string | undefined, ctx: z.RefinementCtx): (TransactionField | null)[] | undefined {
  if (value === undefined) return undefined;
  const words = value.split(',').map((word) => word.trim().toLowerCase());
  const fields: (TransactionField | null)[] = [];
  for (const word of words) {
    const field = COLUMN_WORDS.get(word);
    if (field === undefined) {
      const known = `${Object.values(HEADERLESS_NAMES).join(', ')}, or skip for a column to ignore`;
      ctx.addIssue({ code: 'custom', message: word === '' ? `a name is missing between commas; use ${known}` : `'${word}' is not a column name; use ${known}` });
      return z.NEVER;
    }
    if (field !== null && fields.includes(field)) {
      ctx.addIssue({ code: 'custom', message: `'${word}' is named twice; name each column once and write skip for the others` });
      return z.NEVER;
    }
    fields.push(field);
  }
  const has = (field: TransactionField) => fields.includes(field);
  if (!has('customer') || !has('date') || !(has('amount') || (has('quantity') && has('unitPrice')))) {
    ctx.addIssue({ code: 'custom', message: `name the customer and date columns and the amount (or quantity and unit_price), e.g. ${EXAMPLE_COLUMNS}` });
    return z.NEVER;
  }
  return fields;
}

/** The columns the user chose: by header cell (`…_column`), or every column in order for a file without a header. */
function chosenColumns(input: ReadingInput): Pick<IngestOptions, 'columns' | 'columnNames'> {
  if (input.header === 'none' && input.columns !== undefined) return headerlessReading(input.columns);
  return {
    columns: withoutEmpty({
      customer: input.customer_column,
      date: input.date_column,
      amount: input.amount_column,
      quantity: input.quantity_column,
      unitPrice: input.price_column,
      invoice: input.invoice_column,
      product: input.product_column,
      country: input.country_column,
    }),
  };
}

/** With `header: none`, the table's header is the fields' names, and each field maps to its own name. */
function headerlessReading(fields: readonly (TransactionField | null)[]): Pick<IngestOptions, 'columns' | 'columnNames'> {
  const columns: ColumnMapping = {};
  for (const field of fields) if (field !== null) columns[field] = HEADERLESS_NAMES[field];
  return { columns, columnNames: fields.map((field) => (field === null ? '' : HEADERLESS_NAMES[field])) };
}

/** Drops options the user did not give, so they do not override the automatic mapping. */
const withoutEmpty = <T extends Record<string, string | undefined>>(values: T) =>
  Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<Record<keyof T, string>>;

/**
 * The ingest options of a command's input, with the app's limits and the workspace's currency (it settles how
 * `28.500` reads in a Rupiah workspace), so a dry run reads the file exactly as the upload would.
 */
export function ingestOptions(ctx: CommandContext, input: ReadingInput): IngestOptions {
  return {
    ...chosenColumns(input),
    dateOrder: input.date_order,
    decimal: input.decimal,
    sheet: input.sheet,
    nonProductLines: input.non_product_lines,
    limits: ctx.app.limits,
    currency: ctx.currency ?? undefined,
  };
}
