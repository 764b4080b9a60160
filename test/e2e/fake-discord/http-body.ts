import type { IncomingMessage } from 'node:http';
import type { RecordedFile } from './recorder.js';

export interface ParsedBody {
  body: unknown;
  files: RecordedFile[];
  /** The body claimed JSON (or multipart) but could not be read as such. */
  invalid: boolean;
}

export async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * JSON or multipart/form-data, the two bodies @discordjs/rest sends. Multipart is parsed by
 * undici's own FormData reader (the one behind `Response#formData`), so boundaries and
 * binary parts are handled by a real parser.
 */
export async function parseBody(raw: Buffer, contentType: string | undefined): Promise<ParsedBody> {
  if (raw.length === 0) return { body: undefined, files: [], invalid: false };
  try {
    if (contentType?.startsWith('multipart/form-data')) return await parseMultipart(raw, contentType);
    const text = raw.toString('utf8');
    return { body: contentType?.startsWith('application/json') ? JSON.parse(text) : text, files: [], invalid: false };
  } catch {
    return { body: raw.toString('utf8'), files: [], invalid: true };
  }
}

async function parseMultipart(raw: Buffer, contentType: string): Promise<ParsedBody> {
  const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
  const files: RecordedFile[] = [];
  let body: unknown;
  for (const [field, value] of form) {
    if (typeof value === 'string') {
      if (field === 'payload_json') body = JSON.parse(value);
      continue;
    }
    files.push({
      field,
      name: value.name,
      contentType: value.type || 'application/octet-stream',
      bytes: Buffer.from(await value.arrayBuffer()),
    });
  }
  return { body, files, invalid: false };
}
