import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { constants, createDeflate, type Deflate } from 'node:zlib';
import {
  GatewayCloseCodes,
  GatewayDispatchEvents,
  GatewayOpcodes,
  type GatewayIdentifyData,
  type GatewayResumeData,
} from 'discord.js';
import { WebSocket, WebSocketServer, type RawData } from 'ws';

export interface Dispatch {
  t: GatewayDispatchEvents;
  d: unknown;
}

export interface GatewayHooks {
  /** Checks an IDENTIFY: the dispatches to send (READY first), or how Discord would close the socket. */
  identify(data: GatewayIdentifyData, sessionId: string): { dispatches: Dispatch[] } | { close: GatewayCloseCodes; reason: string };
  /** Whether a RESUME's token is the bot's. */
  acceptsToken(token: string): boolean;
}

/**
 * One socket. With `compress=zlib-stream` every frame is a piece of one zlib stream ending in a
 * sync flush (00 00 ff ff), which is what @discordjs/ws expects when zlib-sync is installed.
 */
class GatewaySession {
  sessionId: string | null = null;
  sequence = 0;
  readonly #deflate: Deflate | null;
  #outbox: Promise<void> = Promise.resolve();

  constructor(
    readonly socket: WebSocket,
    compress: boolean,
  ) {
    this.#deflate = compress ? createDeflate() : null;
  }

  send(op: GatewayOpcodes, d: unknown, t: GatewayDispatchEvents | null = null): void {
    const s = op === GatewayOpcodes.Dispatch ? ++this.sequence : null;
    const text = JSON.stringify({ op, d, s, t });
    const deflate = this.#deflate;
    if (!deflate) {
      this.socket.send(text);
      return;
    }
    // Frames must leave in order, and each compression step is asynchronous.
    this.#outbox = this.#outbox.then(async () => this.socket.send(await compress(deflate, text)));
  }

  close(code: GatewayCloseCodes, reason: string): void {
    this.socket.close(code, reason);
  }

  dispose(): void {
    this.#deflate?.close();
  }
}

function compress(deflate: Deflate, text: string): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const collect = (chunk: Buffer) => chunks.push(chunk);
    deflate.on('data', collect);
    deflate.write(text);
    deflate.flush(constants.Z_SYNC_FLUSH, () => {
      deflate.off('data', collect);
      resolve(Buffer.concat(chunks));
    });
  });
}

/** Refuses what the fake cannot speak with a fatal close code, so discord.js stops instead of retrying forever. */
function unsupportedQuery(url: URL): string | undefined {
  const version = url.searchParams.get('v');
  const encoding = url.searchParams.get('encoding') ?? 'json';
  const compression = url.searchParams.get('compress');
  if (version !== '10') return `Invalid API version: ${version ?? '(none)'}.`;
  if (encoding !== 'json') return `The fake gateway speaks json only, not ${encoding}.`;
  if (compression !== null && compression !== 'zlib-stream') return `Unsupported compression: ${compression}.`;
  return undefined;
}

/** The WebSocket half of the fake: HELLO, heartbeats, IDENTIFY/RESUME, and dispatches to ready sessions. */
export class FakeGateway {
  /** IDENTIFY payloads received, token redacted like recorded Authorization headers. */
  readonly identifies: GatewayIdentifyData[] = [];
  readonly #server = new WebSocketServer({ noServer: true });
  readonly #sessions = new Set<GatewaySession>();
  /** Last sequence of every session ever started, so a RESUME after a dropped socket can succeed. */
  readonly #resumable = new Map<string, number>();
  readonly #readyWaiters = new Set<() => void>();

  constructor(
    private readonly hooks: GatewayHooks,
    private readonly heartbeatIntervalMs: number,
    private readonly nextSessionId: () => string,
  ) {}

  get ready(): boolean {
    return [...this.#sessions].some((session) => session.sessionId !== null);
  }

  upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(request.url ?? '/', 'ws://fake-discord');
    if (url.pathname !== '/') {
      socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
      return;
    }
    this.#server.handleUpgrade(request, socket, head, (webSocket) => this.#open(webSocket, url));
  }

  /** Sends a dispatch to every ready session; throws when the bot is not connected, since the event would be lost. */
  dispatch(t: GatewayDispatchEvents, d: unknown): void {
    const ready = [...this.#sessions].filter((session) => session.sessionId !== null);
    if (!ready.length) throw new Error(`fake discord: no ready gateway session to receive ${t}`);
    for (const session of ready) this.#dispatch(session, t, d);
  }

  waitForReady(timeoutMs: number): Promise<void> {
    if (this.ready) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.#readyWaiters.delete(waiter);
        reject(new Error(`fake discord: no gateway session became ready within ${timeoutMs} ms`));
      }, timeoutMs);
      this.#readyWaiters.add(waiter);
    });
  }

  /** Drops every socket at once, like a network failure; discord.js would try to resume. */
  close(): void {
    for (const session of this.#sessions) {
      session.socket.terminate();
      session.dispose();
    }
    this.#sessions.clear();
    this.#server.close();
  }

  #open(socket: WebSocket, url: URL): void {
    const problem = unsupportedQuery(url);
    if (problem) {
      socket.close(GatewayCloseCodes.InvalidAPIVersion, problem);
      return;
    }
    const session = new GatewaySession(socket, url.searchParams.get('compress') === 'zlib-stream');
    this.#sessions.add(session);
    socket.on('close', () => {
      this.#sessions.delete(session);
      session.dispose();
    });
    socket.on('message', (data) => this.#receive(session, data));
    session.send(GatewayOpcodes.Hello, { heartbeat_interval: this.heartbeatIntervalMs, _trace: ['["fake-discord",{}]'] });
  }

  #receive(session: GatewaySession, data: RawData): void {
    let payload: { op?: number; d?: unknown };
    try {
      payload = JSON.parse(data.toString()) as { op?: number; d?: unknown };
    } catch {
      session.close(GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
      return;
    }
    switch (payload.op) {
      case GatewayOpcodes.Heartbeat:
        session.send(GatewayOpcodes.HeartbeatAck, null);
        return;
      case GatewayOpcodes.Identify:
        this.#identify(session, payload.d as GatewayIdentifyData);
        return;
      case GatewayOpcodes.Resume:
        this.#resume(session, payload.d as GatewayResumeData);
        return;
      case GatewayOpcodes.PresenceUpdate:
      case GatewayOpcodes.VoiceStateUpdate:
      case GatewayOpcodes.RequestGuildMembers:
        if (session.sessionId === null) session.close(GatewayCloseCodes.NotAuthenticated, 'Not authenticated.');
        return;
      default:
        session.close(GatewayCloseCodes.UnknownOpcode, 'Unknown opcode.');
    }
  }

  #identify(session: GatewaySession, identify: GatewayIdentifyData): void {
    this.identifies.push({ ...identify, token: '[redacted]' });
    if (session.sessionId !== null) {
      session.close(GatewayCloseCodes.AlreadyAuthenticated, 'Already authenticated.');
      return;
    }
    const sessionId = this.nextSessionId();
    const outcome = this.hooks.identify(identify, sessionId);
    if ('close' in outcome) {
      session.close(outcome.close, outcome.reason);
      return;
    }
    session.sessionId = sessionId;
    for (const { t, d } of outcome.dispatches) this.#dispatch(session, t, d);
    for (const waiter of this.#readyWaiters) waiter();
    this.#readyWaiters.clear();
  }

  #resume(session: GatewaySession, resume: GatewayResumeData): void {
    if (!this.hooks.acceptsToken(resume.token)) {
      session.close(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
      return;
    }
    const sequence = this.#resumable.get(resume.session_id);
    if (sequence === undefined) {
      session.send(GatewayOpcodes.InvalidSession, false);
      return;
    }
    // Events missed while disconnected are not replayed: the fake refuses to dispatch without a session.
    session.sessionId = resume.session_id;
    session.sequence = sequence;
    this.#dispatch(session, GatewayDispatchEvents.Resumed, { _trace: ['["fake-discord",{}]'] });
  }

  #dispatch(session: GatewaySession, t: GatewayDispatchEvents, d: unknown): void {
    session.send(GatewayOpcodes.Dispatch, d, t);
    if (session.sessionId) this.#resumable.set(session.sessionId, session.sequence);
  }
}
