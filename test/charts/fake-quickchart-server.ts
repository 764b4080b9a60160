import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedChartRequest {
  method: string;
  path: string;
  body: Record<string, unknown>;
}

/** A QuickChart stand-in on loopback: records each request and answers with `png`. */
export async function startFakeQuickChart(png: Buffer) {
  const received: ReceivedChartRequest[] = [];
  const server = createServer(async (request, response) => {
    received.push({ method: request.method ?? '', path: request.url ?? '', body: JSON.parse(await readBody(request)) });
    response.writeHead(200, { 'content-type': 'image/png' }).end(png);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
