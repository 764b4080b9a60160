import type { IncomingMessage, ServerResponse } from 'node:http';
import { flatHeaders, type FakeCdn } from './cdn.js';
import { DiscordErrors } from './errors.js';
import { parseBody, readBody, type ParsedBody } from './http-body.js';
import type { Recorder } from './recorder.js';
import { matchRoute, type Route, type RouteReply } from './router.js';

const API_PREFIX = '/api/v10';

export interface HttpParts {
  routes: readonly Route[];
  recorder: Recorder;
  cdn: FakeCdn;
  token: string;
  uploadLimitBytes: number;
}

/** The REST and CDN half of the fake: every API request is answered, recorded, then sent. */
export function httpHandler(parts: HttpParts): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    const url = new URL(request.url ?? '/', 'http://fake-discord');
    if (parts.cdn.isCdnPath(url.pathname)) {
      parts.cdn.handle(request, response, url);
      return;
    }
    answer(parts, request, url).then(
      (reply) => send(response, reply),
      (error: unknown) => {
        console.error('fake discord: request failed', error);
        send(response, { status: 500, body: { message: '500: Internal Server Error', code: 0 } });
      },
    );
  };
}

async function answer(parts: HttpParts, request: IncomingMessage, url: URL): Promise<RouteReply> {
  const method = request.method ?? 'GET';
  const versioned = url.pathname.startsWith(`${API_PREFIX}/`);
  const path = decodePath(versioned ? url.pathname.slice(API_PREFIX.length) : url.pathname);
  const match = versioned ? matchRoute(parts.routes, method, path) : undefined;
  const parsed = await parseBody(await readBody(request), request.headers['content-type']);
  const reply = decide(parts, request, match, parsed, url.searchParams);
  parts.recorder.record({
    method,
    path,
    query: Object.fromEntries(url.searchParams),
    headers: redactedHeaders(request),
    body: parsed.body,
    files: parsed.files,
    route: match ? `${match.route.method} ${match.route.path}` : null,
    status: reply.status,
    response: reply.body,
    late: reply.late ?? false,
    ...(reply.interactionId ? { interactionId: reply.interactionId } : {}),
  });
  return reply;
}

function decide(
  parts: HttpParts,
  request: IncomingMessage,
  match: ReturnType<typeof matchRoute>,
  parsed: ParsedBody,
  query: URLSearchParams,
): RouteReply {
  if (!match) return DiscordErrors.notFound();
  if (match.route.auth && request.headers.authorization !== `Bot ${parts.token}`) return DiscordErrors.unauthorized();
  if (parsed.invalid) return { status: 400, body: { message: 'The request body contains invalid JSON.', code: 50109 } };
  const uploaded = parsed.files.reduce((total, file) => total + file.bytes.length, 0);
  if (uploaded > parts.uploadLimitBytes) return DiscordErrors.requestTooLarge();
  return match.route.handle({ params: match.params, query, body: parsed.body, files: parsed.files });
}

/** `/messages/%40original` as `/messages/@original`, so tests read paths the way Discord documents them. */
function decodePath(path: string): string {
  try {
    return path.split('/').map(decodeURIComponent).join('/');
  } catch {
    return path;
  }
}

/** Headers as recorded: the token never lands in test output, only its scheme. */
function redactedHeaders(request: IncomingMessage): Record<string, string> {
  const headers = flatHeaders(request);
  if (headers.authorization) headers.authorization = `${headers.authorization.split(' ')[0]} [redacted]`;
  return headers;
}

function send(response: ServerResponse, reply: RouteReply): void {
  if (reply.body === undefined) {
    response.writeHead(reply.status).end();
    return;
  }
  const json = JSON.stringify(reply.body);
  response.writeHead(reply.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) }).end(json);
}
