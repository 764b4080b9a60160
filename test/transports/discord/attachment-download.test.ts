import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowedAttachmentOrigins, checkAttachment, downloadAttachment, type DownloadPolicy } from '../../../src/transports/discord/attachment-download.js';

const policy: DownloadPolicy = { allowedOrigins: allowedAttachmentOrigins('https://discord.com/api'), maxBytes: 1_000, timeoutMs: 1_000 };
const ref = (url: string, size = 10) => ({ url, name: 'orders.csv', size });

describe('allowedAttachmentOrigins', () => {
  it('GIVEN the default API URL THEN only Discord\'s two CDN hosts over https', () => {
    expect(allowedAttachmentOrigins('https://discord.com/api')).toEqual(['https://cdn.discordapp.com', 'https://media.discordapp.net']);
    expect(allowedAttachmentOrigins('https://discord.com/api/')).toHaveLength(2);
  });

  it('GIVEN a DISCORD_API_URL that was set THEN its origin is added, nothing more of it', () => {
    expect(allowedAttachmentOrigins('http://127.0.0.1:5050/api')).toEqual(['https://cdn.discordapp.com', 'https://media.discordapp.net', 'http://127.0.0.1:5050']);
  });
});

describe('checkAttachment', () => {
  it('GIVEN Discord CDN URLs over https THEN they pass', () => {
    expect(checkAttachment(ref('https://cdn.discordapp.com/ephemeral-attachments/1/2/orders.csv?ex=1'), policy)).toBeUndefined();
    expect(checkAttachment(ref('https://media.discordapp.net/attachments/1/2/orders.csv'), policy)).toBeUndefined();
  });

  it.each([
    ['plain http', 'http://cdn.discordapp.com/attachments/1/2/orders.csv'],
    ['another port', 'https://cdn.discordapp.com:8443/attachments/1/2/orders.csv'],
    ['a look-alike host', 'https://cdn.discordapp.com.evil.example/orders.csv'],
    ['a sub-domain', 'https://x.cdn.discordapp.com/orders.csv'],
    ['the metadata address', 'http://169.254.169.254/latest/meta-data/'],
    ['loopback', 'http://127.0.0.1:5050/cdn/orders.csv'],
    ['a file URL', 'file:///etc/passwd'],
    ['no URL at all', 'not a url'],
  ])('GIVEN %s THEN it is refused before any request', (_, url) => {
    expect(checkAttachment(ref(url), policy)).toEqual({ code: 'host_not_allowed' });
  });

  it('GIVEN a declared size over the limit THEN it is refused with both sizes', () => {
    expect(checkAttachment(ref('https://cdn.discordapp.com/a/b/c.csv', 1_001), policy)).toEqual({ code: 'too_large', sizeBytes: 1_001, limitBytes: 1_000 });
    expect(checkAttachment(ref('https://cdn.discordapp.com/a/b/c.csv', 1_000), policy)).toBeUndefined();
  });
});

describe('downloadAttachment', () => {
  const body = Buffer.alloc(300_000, 'a');
  body.write('CustomerID,Amount\n');
  let server: Server;
  let origin: string;
  beforeAll(async () => {
    // /sized declares its length; /chunked does not; /short declares more than it sends.
    server = createServer((request, response) => {
      if (request.url === '/sized') response.writeHead(200, { 'content-length': body.byteLength });
      else if (request.url === '/short') response.writeHead(200, { 'content-length': body.byteLength + 10 });
      else response.writeHead(200);
      for (let at = 0; at < body.byteLength; at += 64 * 1024) response.write(body.subarray(at, at + 64 * 1024));
      if (request.url === '/short') response.destroy();
      else response.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const download = (path: string, maxBytes = 1_000_000) =>
    downloadAttachment({ url: `${origin}${path}`, name: 'orders.csv', size: body.byteLength }, { allowedOrigins: [origin], maxBytes, timeoutMs: 10_000 });

  it('GIVEN a declared length or none THEN the bytes arrive whole, in a buffer of their own that an import may move to its worker', async () => {
    for (const path of ['/sized', '/chunked']) {
      const downloaded = await download(path);
      if (!downloaded.ok) throw new Error(`${path}: ${downloaded.code}`);
      const { bytes } = downloaded.file;
      expect(Buffer.from(bytes).equals(body), path).toBe(true);
      expect(bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength, path).toBe(true);
    }
  });

  it('GIVEN a body over the limit or cut short THEN it is refused', async () => {
    expect(await download('/chunked', 200_000)).toMatchObject({ ok: false, code: 'too_large', limitBytes: 200_000 });
    expect(await download('/short')).toMatchObject({ ok: false, code: 'download_failed' });
  });
});
