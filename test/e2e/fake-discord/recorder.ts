import type { Clock } from './clock.js';

/** A file uploaded as a `files[n]` multipart part. */
export interface RecordedFile {
  field: string;
  name: string;
  contentType: string;
  bytes: Buffer;
}

/** One REST call the bot made, with the reply the fake gave it. */
export interface RecordedRequest {
  seq: number;
  /** Fake-clock milliseconds when the request arrived. */
  at: number;
  method: string;
  /** Path without the `/api/v10` prefix, e.g. `/interactions/123/abc/callback`. */
  path: string;
  query: Record<string, string>;
  /** Lower-cased header names; the Authorization value keeps its scheme and loses its token. */
  headers: Record<string, string>;
  /** The JSON body, or the parsed `payload_json` of a multipart body. */
  body: unknown;
  files: RecordedFile[];
  /** The route template that answered, e.g. `POST /interactions/:id/:token/callback`; null for unknown routes. */
  route: string | null;
  status: number;
  response: unknown;
  /** Set on interaction callbacks and webhook calls made with an interaction's token. */
  interactionId?: string;
  /** A callback that arrived after Discord's 3-second acknowledgement deadline. */
  late: boolean;
}

/** One request to the fake CDN, kept so a test can prove a URL was or was not fetched. */
export interface CdnRequest {
  seq: number;
  at: number;
  method: string;
  path: string;
  status: number;
  headers: Record<string, string>;
}

type Waiter = { predicate: (request: RecordedRequest) => boolean; resolve: (request: RecordedRequest) => void };

/** Keeps every request in arrival order and wakes tests that wait for one. */
export class Recorder {
  readonly requests: RecordedRequest[] = [];
  readonly cdnRequests: CdnRequest[] = [];
  readonly #waiters = new Set<Waiter>();
  #seq = 0;

  constructor(private readonly clock: Clock) {}

  record(request: Omit<RecordedRequest, 'seq' | 'at'>): RecordedRequest {
    const recorded = { seq: ++this.#seq, at: this.clock.now(), ...request };
    this.requests.push(recorded);
    for (const waiter of this.#waiters) {
      if (!waiter.predicate(recorded)) continue;
      this.#waiters.delete(waiter);
      waiter.resolve(recorded);
    }
    return recorded;
  }

  recordCdn(request: Omit<CdnRequest, 'seq' | 'at'>): void {
    this.cdnRequests.push({ seq: ++this.#seq, at: this.clock.now(), ...request });
  }

  /** The first request (already made or still to come) that matches, or a rejection listing what did arrive. */
  waitFor(predicate: (request: RecordedRequest) => boolean, timeoutMs = 5_000): Promise<RecordedRequest> {
    const already = this.requests.find(predicate);
    if (already) return Promise.resolve(already);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        predicate,
        resolve: (request) => {
          clearTimeout(timer);
          resolve(request);
        },
      };
      const timer = setTimeout(() => {
        this.#waiters.delete(waiter);
        reject(new Error(`fake discord: no matching request within ${timeoutMs} ms; saw:\n${this.summary()}`));
      }, timeoutMs);
      this.#waiters.add(waiter);
    });
  }

  /** One line per request, for failure messages. */
  summary(): string {
    return this.requests.map((r) => `  ${r.method} ${r.path} -> ${r.status}${r.late ? ' (late)' : ''}`).join('\n') || '  (nothing)';
  }
}
