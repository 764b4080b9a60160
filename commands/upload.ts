import { z } from 'zod';
import { inspectInWorker } from '../src/app/import/run-inspect.js';
import { runImportThenSegmentInWorker } from '../src/app/import/run-import.js';
import { failureReply } from '../src/app/replies/failure-reply.js';
import { importReply, importThenSegments } from '../src/app/replies/import-reply.js';
import { inspectReply } from '../src/app/replies/inspect-reply.js';
import { segmentsOverview } from '../src/app/segments/segments-overview.js';
import { defineCommand } from './command.js';
import { clusterCount, datasetName } from './schemas.js';
import { kOption } from './segment-options.js';
import { checkReadingOptions, fileOption, ingestOptions, readingFields, readingOptions } from './upload-options.js';

export default defineCommand({
  path: ['upload'],
  description: {
    en: 'Upload a transaction export (CSV, TSV, XLSX, .gz or .zip) and segment its customers',
    id: 'Unggah ekspor transaksi (CSV, TSV, XLSX, .gz atau .zip) dan segmentasikan pelanggannya',
  },
  permission: 'manage',
  options: [
    fileOption,
    { name: 'dataset', type: 'string', description: { en: 'Dataset name (default: the file name)', id: 'Nama dataset (bawaan: nama file)' } },
    {
      name: 'mode', type: 'string', choices: ['append', 'replace'],
      choiceLabels: {
        append: { en: 'Append: add the new rows', id: 'Tambah: tambahkan baris baru' },
        replace: { en: 'Replace: this file becomes the dataset', id: 'Ganti: file ini menjadi datasetnya' },
      },
      description: { en: 'append (default) adds new rows; replace swaps the dataset', id: 'append (bawaan) menambah baris baru; replace mengganti dataset' },
    },
    ...readingOptions,
    kOption,
    { name: 'dry_run', type: 'boolean', description: { en: 'Only show how the file would be read; store nothing', id: 'Hanya tampilkan cara file dibaca; tidak menyimpan apa pun' } },
  ],
  schema: z.object({
    ...readingFields,
    dataset: datasetName,
    mode: z.enum(['append', 'replace']).default('append'),
    k: clusterCount,
    dry_run: z.boolean().default(false),
  }).superRefine(checkReadingOptions),
  async run(ctx, input) {
    const ingest = ingestOptions(ctx, input);
    if (input.dry_run) {
      const inspected = await inspectInWorker({ fileName: input.file.fileName, bytes: input.file.bytes, ingest });
      return inspected.ok ? inspectReply(inspected.inspection, ctx.locale) : failureReply(inspected.code, inspected.details, ctx.locale);
    }
    // Every upload is followed by a fresh segmentation, so the reply can show the new segments at once.
    const done = await runImportThenSegmentInWorker(
      ctx.app.databasePath,
      {
        guildId: ctx.guildId,
        userId: ctx.userId,
        fileName: input.file.fileName,
        bytes: input.file.bytes,
        dataset: input.dataset,
        mode: input.mode,
        ingest,
      },
      { convention: 'net', now: ctx.app.now(), k: input.k },
      ctx.progress,
    );
    if (!done.ok) return failureReply(done.upload.code, done.upload.details, ctx.locale);
    const { upload: outcome, segmentation: segmented } = done;
    const imported = importReply(outcome.report, ctx.locale, ctx.currency);
    const overview = segmented.ok
      ? await segmentsOverview(ctx.app, ctx.guildId, outcome.report.dataset, 'clusters', ctx.locale, ctx.currency)
      : failureReply(segmented.code, segmented.details, ctx.locale);
    return importThenSegments(imported, overview);
  },
});
