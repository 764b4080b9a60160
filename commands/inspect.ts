import { z } from 'zod';
import { inspectInWorker } from '../src/app/import/run-inspect.js';
import { failureReply } from '../src/app/replies/failure-reply.js';
import { inspectReply } from '../src/app/replies/inspect-reply.js';
import { defineCommand } from './command.js';
import { checkReadingOptions, fileOption, ingestOptions, readingFields, readingOptions } from './upload-options.js';

export default defineCommand({
  path: ['inspect'],
  description: {
    en: 'Show how an export would be read (platform, columns, first rows, rows set aside), storing nothing',
    id: 'Tampilkan cara ekspor dibaca (platform, kolom, baris pertama, yang disisihkan) tanpa menyimpannya',
  },
  // Like upload: a dry run of an upload is for those who may upload.
  permission: 'manage',
  options: [fileOption, ...readingOptions],
  schema: z.object(readingFields).superRefine(checkReadingOptions),
  async run(ctx, input) {
    const outcome = await inspectInWorker({ fileName: input.file.fileName, bytes: input.file.bytes, ingest: ingestOptions(ctx, input) });
    return outcome.ok ? inspectReply(outcome.inspection, ctx.locale) : failureReply(outcome.code, outcome.details, ctx.locale);
  },
});
