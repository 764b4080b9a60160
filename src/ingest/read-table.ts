import { isWorkbook, openContainer, type Payload } from './container.js';
import { decodeText } from './decode.js';
import { listZipEntries } from './decompress.js';
import { megabytes, resolveLimits } from './limits.js';
import { isEncryptedWorkbook } from './sniff.js';
import { readTextStream } from './text-stream-table.js';
import { readTextTable } from './text-table.js';
import { IngestError, type IngestLimits, type RawTable } from './types.js';
import { readWorkbookTable } from './workbook-table.js';
import { readWorkbook } from './xlsx.js';

export interface ReadTableOptions {
  /** XLSX sheet to read; by default the sheet most like a table of transactions, with every sheet of its columns. */
  sheet?: string;
  /** The columns' names in order, for a text file without a header row (`header: none`); '' for a column to ignore. */
  columnNames?: readonly string[];
  limits?: Partial<IngestLimits>;
}

/**
 * First ingest stage: an uploaded file's bytes to a RawTable. The format comes from the bytes (magic numbers,
 * then content); `fileName` is only a hint (an OLE2 file named .xlsx is an encrypted workbook, .tsv prefers
 * tabs on a tie). Throws IngestError for anything the user has to fix.
 */
export async function readTable(bytes: Uint8Array, fileName: string, options: ReadTableOptions = {}): Promise<RawTable> {
  const limits = resolveLimits(options.limits);
  if (bytes.byteLength === 0) throw new IngestError('file_empty', {});
  if (bytes.byteLength > limits.maxBytes) {
    throw new IngestError('file_too_large', { sizeMb: megabytes(bytes.byteLength), limitMb: megabytes(limits.maxBytes) });
  }
  const payload = await openContainer(bytes, fileName, limits);
  const wrapping = { container: payload.container, ...(payload.innerFileName !== undefined && { innerFileName: payload.innerFileName }) };
  switch (payload.kind) {
    case 'text': {
      // An uncompressed file is in memory already: decoding it whole is about 1 s of CPU cheaper on Online Retail and
      // peaks near 430 MB. Compressed text is inflated and read in pieces, so a .csv.gz of two years stays near 390 MB.
      const bytes = payload.bytes;
      const table =
        payload.container === 'none'
          ? readTextTable(decodeText(bytes), payload.name, limits, options.columnNames)
          : readTextStream(payload.open ?? (() => [bytes]), payload.name, limits, options.columnNames);
      if (options.sheet !== undefined) table.warnings.push(`The sheet option applies to Excel workbooks; ${payload.name} is a text file, so it was ignored.`);
      return { ...table, ...wrapping };
    }
    case 'zip': {
      if (payload.container !== 'none' && !isWorkbook(listZipEntries(payload.bytes))) {
        throw new IngestError('unsupported_format', { detected: 'nested_archive' });
      }
      const table = readWorkbookTable(readWorkbook(payload.bytes, limits), options.sheet, limits);
      if (options.columnNames !== undefined) table.warnings.push('The header: none option applies to text files; the workbook was read by its header row.');
      return { ...table, ...wrapping };
    }
    case 'gzip':
      throw new IngestError('unsupported_format', { detected: 'nested_archive' });
    case 'ole2':
      throw refuseOle2(payload);
    default:
      throw new IngestError('not_a_table', { detected: payload.kind });
  }
}

/** Excel 97-2003 workbooks and password-protected .xlsx files are both OLE2 containers. */
function refuseOle2(payload: Payload): IngestError {
  if (isEncryptedWorkbook(payload.bytes) || /\.xlsx$/i.test(payload.name)) return new IngestError('encrypted_workbook', {});
  return new IngestError('unsupported_format', { detected: 'xls', saveAs: ['xlsx', 'csv'] });
}
