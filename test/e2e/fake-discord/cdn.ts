import type { IncomingMessage, ServerResponse } from 'node:http';
import type { APIAttachment } from 'discord.js';
import type { Clock } from './clock.js';
import type { Recorder } from './recorder.js';

type CdnEntry = { bytes: Buffer; contentType: string } | { location: string };

/** Discord's signed-URL lifetime; the fake only prints it into `ex`, it does not enforce it. */
const URL_LIFETIME_MS = 24 * 60 * 60 * 1000;

/**
 * Stands in for cdn.discordapp.com (`/cdn/...`) and media.discordapp.net (`/media/...`).
 * Every request is recorded, known or not, so a test can prove a URL was never fetched.
 */
export class FakeCdn {
  readonly #entries = new Map<string, CdnEntry>();

  constructor(
    private readonly baseUrl: string,
    private readonly clock: Clock,
    private readonly nextId: () => string,
    private readonly recorder: Recorder,
  ) {}

  /** Stores bytes under `folder` (e.g. `attachments/<channel>`) and describes them as Discord would. */
  store(folder: string, filename: string, bytes: Buffer, contentType: string, overrides: Partial<APIAttachment> = {}): APIAttachment {
    const attachment = this.#describe(folder, filename, bytes.length, contentType, overrides);
    this.#entries.set(this.#key(folder, attachment.id, filename), { bytes, contentType });
    return attachment;
  }

  /** An attachment whose URL answers 302 to `location`. */
  storeRedirect(folder: string, filename: string, location: string, contentType: string): APIAttachment {
    const attachment = this.#describe(folder, filename, 0, contentType, {});
    this.#entries.set(this.#key(folder, attachment.id, filename), { location });
    return attachment;
  }

  /** Bytes behind a CDN URL the fake handed out, without recording a fetch. */
  bytesOf(url: string): Buffer | undefined {
    const entry = this.#entries.get(this.#keyOfPath(new URL(url).pathname) ?? '');
    return entry && 'bytes' in entry ? entry.bytes : undefined;
  }

  isCdnPath(pathname: string): boolean {
    return this.#keyOfPath(pathname) !== undefined;
  }

  handle(request: IncomingMessage, response: ServerResponse, url: URL): void {
    const entry = this.#entries.get(this.#keyOfPath(url.pathname) ?? '');
    const method = request.method ?? 'GET';
    let status: number;
    if (!entry || (method !== 'GET' && method !== 'HEAD')) {
      status = 404;
      response.writeHead(status, { 'content-type': 'text/plain' }).end('404: Not Found');
    } else if ('location' in entry) {
      status = 302;
      response.writeHead(status, { location: entry.location }).end();
    } else {
      status = 200;
      response.writeHead(status, { 'content-type': entry.contentType, 'content-length': entry.bytes.length });
      response.end(method === 'HEAD' ? undefined : entry.bytes);
    }
    this.recorder.recordCdn({ method, path: url.pathname, status, headers: flatHeaders(request) });
  }

  #describe(folder: string, filename: string, size: number, contentType: string, overrides: Partial<APIAttachment>): APIAttachment {
    const id = overrides.id ?? this.nextId();
    const path = `${folder}/${id}/${encodeURIComponent(filename)}`;
    const issued = Math.floor(this.clock.now() / 1000);
    const signature = `?ex=${(issued + URL_LIFETIME_MS / 1000).toString(16)}&is=${issued.toString(16)}&hm=${id}&`;
    return {
      id,
      filename,
      size,
      content_type: contentType,
      url: `${this.baseUrl}/cdn/${path}${signature}`,
      proxy_url: `${this.baseUrl}/media/${path}${signature}`,
      ...(folder.startsWith('ephemeral-') ? { ephemeral: true } : {}),
      ...overrides,
    };
  }

  #key(folder: string, id: string, filename: string): string {
    return `${folder}/${id}/${encodeURIComponent(filename)}`;
  }

  #keyOfPath(pathname: string): string | undefined {
    const match = /^\/(?:cdn|media)\/(.+)$/.exec(pathname);
    return match?.[1];
  }
}

/** Header values as single strings, the shape the recorder keeps. */
export function flatHeaders(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}
