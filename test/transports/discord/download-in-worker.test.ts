import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../../src/app/reply.js';
import { downloadInWorker } from '../../../src/transports/discord/download-in-worker.js';

describe('downloadInWorker', () => {
  const body = Buffer.alloc(3_000_000);
  for (let at = 0; at < body.byteLength; at++) body[at] = (at * 31) & 0xff;
  let server: Server;
  let origin: string;
  let requests = 0;
  beforeAll(async () => {
    // /sized declares its length; /chunked does not; /moved redirects; /slow sends a little, then nothing.
    server = createServer((request, response) => {
      requests++;
      if (request.url === '/moved') return void response.writeHead(302, { location: `${origin}/sized` }).end();
      if (request.url === '/sized') response.writeHead(200, { 'content-length': body.byteLength });
      else response.writeHead(200);
      if (request.url === '/slow') return void response.write(body.subarray(0, 1000));
      // Paced, so the download lasts long enough to report progress more than once.
      let at = 0;
      const next = () => {
        if (at >= body.byteLength) return void response.end();
        response.write(body.subarray(at, at + 256 * 1024));
        at += 256 * 1024;
        setTimeout(next, 15);
      };
      next();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  }));
  const download = (path: string, options: { maxBytes?: number; timeoutMs?: number; progress?: ProgressEvent[]; declaredSize?: number } = {}) =>
    downloadInWorker(
      { url: `${origin}${path}`, name: 'orders.csv', size: options.declaredSize ?? body.byteLength },
      { allowedOrigins: [origin], maxBytes: options.maxBytes ?? 10_000_000, timeoutMs: options.timeoutMs ?? 20_000 },
      (event) => options.progress?.push(event),
    );

  it('GIVEN a declared length or none THEN the bytes arrive whole on this thread, in a buffer of their own, with progress on the way', async () => {
    for (const path of ['/sized', '/chunked']) {
      const progress: ProgressEvent[] = [];
      const downloaded = await download(path, { progress });
      if (!downloaded.ok) throw new Error(`${path}: ${downloaded.code}`);
      const { bytes, fileName } = downloaded.file;
      expect(fileName).toBe('orders.csv');
      expect(Buffer.from(bytes).equals(body), path).toBe(true);
      expect(bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength, path).toBe(true);
      expect(progress.length, path).toBeGreaterThan(1);
      expect(progress.every((event) => event.stage === 'reading' && event.unit === 'bytes'), path).toBe(true);
      const done = progress.map((event) => event.done ?? 0);
      expect(done, path).toEqual([...done].sort((a, b) => a - b));
      expect(done.at(-1)!, path).toBeLessThanOrEqual(body.byteLength);
    }
  });

  it('GIVEN a progress listener that throws THEN the download still completes and the failure is reported for the log', async () => {
    const reasons: string[] = [];
    const downloaded = await downloadInWorker(
      { url: `${origin}/sized`, name: 'orders.csv', size: body.byteLength },
      { allowedOrigins: [origin], maxBytes: 10_000_000, timeoutMs: 20_000 },
      () => {
        throw new Error('no bar today');
      },
      (reason) => reasons.push(reason),
    );
    expect(downloaded.ok).toBe(true);
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons.every((reason) => reason.includes('no bar today'))).toBe(true);
  });

  it('GIVEN a host off the list THEN it is refused before any request is made', async () => {
    const before = requests;
    const refused = await downloadInWorker({ url: 'http://169.254.169.254/latest/meta-data/', name: 'x.csv', size: 10 }, { allowedOrigins: [origin], maxBytes: 1000, timeoutMs: 1000 });
    expect(refused).toEqual({ ok: false, code: 'host_not_allowed' });
    expect(requests).toBe(before);
  });

  it('GIVEN a body over the limit, a redirect or a server that stalls THEN the worker\'s refusal comes back as it is', async () => {
    // The attachment declares no size (0), so only the worker can find these out.
    const before = requests;
    expect(await download('/chunked', { maxBytes: 1_000_000, declaredSize: 0 })).toMatchObject({ ok: false, code: 'too_large', limitBytes: 1_000_000 });
    expect(await download('/sized', { maxBytes: 1_000_000, declaredSize: 0 })).toEqual({ ok: false, code: 'too_large', sizeBytes: body.byteLength, limitBytes: 1_000_000 });
    expect(requests).toBe(before + 2);
    expect(await download('/moved')).toEqual({ ok: false, code: 'redirected' });
    expect(await download('/slow', { timeoutMs: 300 })).toEqual({ ok: false, code: 'download_failed' });
  });
});
