import type { Reply } from './errors.js';
import type { RecordedFile } from './recorder.js';

export interface RouteRequest {
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  files: RecordedFile[];
}

/** A reply, tagged with the interaction it concerned so tests can follow one interaction's story. */
export interface RouteReply extends Reply {
  interactionId?: string;
  late?: boolean;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path under `/api/v10`, with `:name` segments, e.g. `/channels/:channel/messages`; matched against decoded paths. */
  path: string;
  /** Whether Discord wants `Authorization: Bot <token>` here (interaction webhooks and callbacks do not). */
  auth: boolean;
  handle(request: RouteRequest): RouteReply;
}

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

export function matchRoute(routes: readonly Route[], method: string, path: string): RouteMatch | undefined {
  const segments = path.split('/');
  for (const route of routes) {
    if (route.method !== method) continue;
    const params = matchSegments(route.path.split('/'), segments);
    if (params) return { route, params };
  }
  return undefined;
}

function matchSegments(pattern: string[], segments: string[]): Record<string, string> | undefined {
  if (pattern.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of pattern.entries()) {
    const segment = segments[index] ?? '';
    if (part.startsWith(':')) params[part.slice(1)] = segment;
    else if (part !== segment) return undefined;
  }
  return params;
}
