import type { FileInput } from '../../../commands/command.js';
import type { ProgressListener } from '../../app/reply.js';

/** Where Discord serves attachments from. Nothing else is ever fetched, so an interaction cannot aim us at a server of its choice. */
const DISCORD_CDN_ORIGINS = ['https://cdn.discordapp.com', 'https://media.discordapp.net'] as const;
const DEFAULT_API_URL = 'https://discord.com/api';

/** What the interaction says about an attached file; its URL is only ever a place to fetch from. */
export interface AttachmentRef {
  url: string;
  name: string;
  /** Size in bytes as Discord reports it. */
  size: number;
}

export interface DownloadPolicy {
  allowedOrigins: readonly string[];
  maxBytes: number;
  timeoutMs: number;
}

export type DownloadRefusal =
  | { code: 'host_not_allowed' }
  | { code: 'redirected' }
  | { code: 'too_large'; sizeBytes: number; limitBytes: number }
  | { code: 'download_failed'; status?: number };

export type DownloadResult = { ok: true; file: FileInput } | ({ ok: false } & DownloadRefusal);

/**
 * Discord's CDN over https, plus the origin of a DISCORD_API_URL someone set on purpose (a proxy, or a fake
 * Discord on loopback that serves its own attachments). The default API URL adds nothing.
 */
export function allowedAttachmentOrigins(apiUrl: string): string[] {
  const origins: string[] = [...DISCORD_CDN_ORIGINS];
  if (apiUrl.replace(/\/+$/, '') !== DEFAULT_API_URL) origins.push(new URL(apiUrl).origin);
  return origins;
}

/** The refusals that need no request: a URL off the allowed origins, or a declared size over the limit. */
export function checkAttachment(ref: AttachmentRef, policy: DownloadPolicy): DownloadRefusal | undefined {
  let origin: string;
  try {
    origin = new URL(ref.url).origin;
  } catch {
    return { code: 'host_not_allowed' };
  }
  if (!policy.allowedOrigins.includes(origin)) return { code: 'host_not_allowed' };
  if (ref.size > policy.maxBytes) return { code: 'too_large', sizeBytes: ref.size, limitBytes: policy.maxBytes };
  return undefined;
}

/**
 * Downloads an attachment: allowed origins only, redirects refused rather than followed, and the size checked
 * before (declared and Content-Length) and during the download, so a lying server cannot fill our memory.
 * The file's name comes from the attachment, never from the URL; ingest judges its type from that name and its bytes.
 */
export async function downloadAttachment(ref: AttachmentRef, policy: DownloadPolicy, onProgress: ProgressListener = () => {}): Promise<DownloadResult> {
  const refused = checkAttachment(ref, policy);
  if (refused) return { ok: false, ...refused };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), policy.timeoutMs);
  try {
    const response = await fetch(ref.url, { redirect: 'manual', signal: controller.signal });
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) return { ok: false, code: 'redirected' };
    if (!response.ok || !response.body) return { ok: false, code: 'download_failed', status: response.status };
    const declared = Number(response.headers.get('content-length') ?? Number.NaN);
    if (declared > policy.maxBytes) return { ok: false, code: 'too_large', sizeBytes: declared, limitBytes: policy.maxBytes };
    // With a declared length, each chunk is copied into place as it arrives: joining 8 MB of chunks at the end held
    // the thread that answers members 25-50 ms in one piece on a busy 2-core machine.
    const whole = Number.isSafeInteger(declared) && declared >= 0 ? new Uint8Array(declared) : undefined;
    const chunks: Uint8Array[] = [];
    let received = 0;
    for await (const chunk of response.body) {
      if (received + chunk.byteLength > policy.maxBytes) return { ok: false, code: 'too_large', sizeBytes: received + chunk.byteLength, limitBytes: policy.maxBytes };
      if (whole && received + chunk.byteLength > whole.byteLength) return { ok: false, code: 'download_failed' };
      if (whole) whole.set(chunk, received);
      else chunks.push(chunk);
      received += chunk.byteLength;
      onProgress({ stage: 'reading', done: received, total: ref.size || undefined, unit: 'bytes' });
    }
    if (whole && received !== whole.byteLength) return { ok: false, code: 'download_failed' };
    return { ok: true, file: { fileName: ref.name, bytes: whole ?? Buffer.concat(chunks, received) } };
  } catch {
    return { ok: false, code: 'download_failed' };
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}
