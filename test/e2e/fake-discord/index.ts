import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  GatewayCloseCodes,
  GatewayDispatchEvents,
  GatewayIntentBits,
  type ApplicationFlags,
  type APIApplicationCommand,
  type APIAttachment,
  type APIMessage,
  type APIUser,
  type GatewayIdentifyData,
  type GatewayReadyDispatchData,
} from 'discord.js';
import { FakeCdn } from './cdn.js';
import { snowflakes, systemClock, type Clock } from './clock.js';
import { FakeGateway, type Dispatch, type GatewayHooks } from './gateway.js';
import { channelPayload, createGuild, guildCreatePayload, userPayload, type FakeGuild, type GuildInit } from './guilds.js';
import { httpHandler } from './http-handler.js';
import {
  InteractionFactory,
  type AutocompleteInvocation,
  type ButtonPress,
  type CommandInvocation,
} from './interactions.js';
import { Recorder, type CdnRequest, type RecordedRequest } from './recorder.js';
import { applicationRoutes } from './routes-application.js';
import { channelRoutes } from './routes-channels.js';
import { interactionRoutes } from './routes-interactions.js';
import { FakeState, type FakeInteraction } from './state.js';

export { ManualClock, type Clock } from './clock.js';
export type { FakeGuild, GuildInit } from './guilds.js';
export type { AutocompleteInvocation, ButtonPress, CommandInvocation } from './interactions.js';
export type { CdnRequest, RecordedFile, RecordedRequest } from './recorder.js';

export interface FakeDiscordOptions {
  /** Drives the 3-second and 15-minute windows, timestamps and ids; default the system clock. */
  clock?: Clock;
  /** The only bot token REST and the gateway accept. */
  token?: string;
  /** Servers the bot is in at login; default one server with #general and #marketing. */
  guilds?: GuildInit[];
  /** Privileged intents enabled in the developer portal; asking for others closes the gateway with 4014. */
  privilegedIntents?: number;
  /** Upload limit per request; Discord's default for servers without boosts is 10 MiB. */
  uploadLimitBytes?: number;
  heartbeatIntervalMs?: number;
}

export interface SentInteraction {
  id: string;
  token: string;
  applicationId: string;
}

const PRIVILEGED_INTENTS = GatewayIntentBits.GuildMembers | GatewayIntentBits.GuildPresences | GatewayIntentBits.MessageContent;

/** Starts a fake Discord (REST, gateway, CDN) on a free loopback port. */
export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return new FakeDiscord(server, (server.address() as AddressInfo).port, options);
}

/** A Discord that real discord.js can log in to, and that remembers everything the bot did. */
export class FakeDiscord {
  /** What the bot gets as DISCORD_API_URL: `http://127.0.0.1:<port>/api`. */
  readonly apiUrl: string;
  readonly gatewayUrl: string;
  readonly token: string;
  readonly clock: Clock;
  readonly applicationId: string;
  readonly botUser: APIUser;
  /** The member who invokes commands unless a test names another. */
  readonly defaultUser: APIUser;
  readonly #server: Server;
  readonly #state: FakeState;
  readonly #recorder: Recorder;
  readonly #gateway: FakeGateway;
  readonly #interactions: InteractionFactory;
  readonly #privilegedIntents: number;
  #closed: Promise<void> | null = null;

  constructor(server: Server, port: number, options: FakeDiscordOptions) {
    const base = `http://127.0.0.1:${port}`;
    this.apiUrl = `${base}/api`;
    this.gatewayUrl = `ws://127.0.0.1:${port}`;
    this.token = options.token ?? 'fake-discord-bot-token';
    this.clock = options.clock ?? systemClock;
    this.#privilegedIntents = options.privilegedIntents ?? 0;
    this.#server = server;
    const nextId = snowflakes(this.clock);
    this.#recorder = new Recorder(this.clock);
    const cdn = new FakeCdn(base, this.clock, nextId, this.#recorder);
    // A bot's user id is its application id.
    this.applicationId = nextId();
    this.botUser = userPayload(this.applicationId, 'Segmenta', true);
    this.defaultUser = userPayload(nextId(), 'marketing-lead');
    this.#state = new FakeState(
      { id: this.applicationId, name: 'Segmenta' },
      this.botUser,
      this.clock,
      nextId,
      cdn,
      options.uploadLimitBytes ?? 10 * 1024 * 1024,
    );
    for (const init of options.guilds ?? [{}]) this.#addGuildState(init);
    this.#interactions = new InteractionFactory(this.#state, this.defaultUser);
    this.#gateway = new FakeGateway(this.#gatewayHooks(), options.heartbeatIntervalMs ?? 41_250, nextId);
    const routes = [...applicationRoutes(this.#state, this.gatewayUrl), ...interactionRoutes(this.#state), ...channelRoutes(this.#state)];
    server.on('request', httpHandler({ routes, recorder: this.#recorder, cdn, token: this.token, uploadLimitBytes: this.#state.uploadLimitBytes }));
    server.on('upgrade', (request, socket, head) => this.#gateway.upgrade(request, socket, head));
  }

  /** Every REST call in arrival order. */
  get requests(): readonly RecordedRequest[] {
    return this.#recorder.requests;
  }

  get cdnRequests(): readonly CdnRequest[] {
    return this.#recorder.cdnRequests;
  }

  /** IDENTIFY payloads received (token redacted), e.g. to check the intents the bot asks for. */
  get identifies(): readonly GatewayIdentifyData[] {
    return this.#gateway.identifies;
  }

  get guilds(): readonly FakeGuild[] {
    return [...this.#state.guilds.values()];
  }

  /** Calls no route knows: each would be a 404 from Discord too. */
  unexpectedRequests(): RecordedRequest[] {
    return this.#recorder.requests.filter((request) => request.route === null);
  }

  waitFor(predicate: (request: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest> {
    return this.#recorder.waitFor(predicate, timeoutMs);
  }

  waitForReady(timeoutMs = 5_000): Promise<void> {
    return this.#gateway.waitForReady(timeoutMs);
  }

  /** The callback, then every edit, follow-up and delete made with the interaction's token, in order. */
  interactionResponses(interactionId: string): RecordedRequest[] {
    return this.#recorder.requests.filter((request) => request.interactionId === interactionId && request.method !== 'GET');
  }

  /** What `@original` shows now (after every edit), if the interaction has a reply. */
  originalMessage(interactionId: string): APIMessage | undefined {
    const id = this.#state.interactions.get(interactionId)?.originalMessageId;
    return id ? this.#state.messages.get(id) : undefined;
  }

  /** Messages in a channel, oldest first, as they stand now (ephemeral replies included). */
  channelMessages(channelId: string): APIMessage[] {
    return [...this.#state.messages.values()].filter((message) => message.channel_id === channelId);
  }

  /** Bytes behind an attachment URL the fake handed out (uploads included). */
  attachmentBytes(url: string): Buffer | undefined {
    return this.#state.cdn.bytesOf(url);
  }

  registeredCommands(guildId?: string): APIApplicationCommand[] {
    return this.#state.commands.get(guildId ?? 'global') ?? [];
  }

  sendCommand(invocation: CommandInvocation): SentInteraction {
    return this.#send(this.#interactions.command(invocation));
  }

  sendAutocomplete(invocation: AutocompleteInvocation): SentInteraction {
    return this.#send(this.#interactions.autocomplete(invocation));
  }

  sendButton(press: ButtonPress): SentInteraction {
    return this.#send(this.#interactions.button(press));
  }

  /** The bot joins a server; discord.js emits `guildCreate` when it is already connected. */
  addGuild(init: GuildInit = {}): FakeGuild {
    const guild = this.#addGuildState(init);
    if (this.#gateway.ready) this.#gateway.dispatch(GatewayDispatchEvents.GuildCreate, guildCreatePayload(guild, this.botUser));
    return guild;
  }

  /** The bot is kicked or the server deleted: GUILD_DELETE without `unavailable`, and Discord refuses it there from now on. */
  removeGuild(guildId: string): void {
    const guild = this.#state.guilds.get(guildId);
    if (!guild) throw new Error(`fake discord: unknown guild ${guildId}`);
    guild.present = false;
    if (this.#gateway.ready) this.#gateway.dispatch(GatewayDispatchEvents.GuildDelete, { id: guildId });
  }

  /** An admin changes what the bot may do in a channel: CHANNEL_UPDATE with the new overwrites, and REST follows. */
  setBotPermissions(channelId: string, permissions: bigint): void {
    const found = this.#state.channel(channelId);
    if (!found) throw new Error(`fake discord: unknown channel ${channelId}`);
    found.channel.botPermissions = permissions;
    if (this.#gateway.ready) this.#gateway.dispatch(GatewayDispatchEvents.ChannelUpdate, channelPayload(found.channel, found.guild));
  }

  /** An admin deletes a channel: CHANNEL_DELETE, and REST answers Unknown Channel from then on. */
  deleteChannel(channelId: string): void {
    const found = this.#state.channel(channelId);
    if (!found) throw new Error(`fake discord: unknown channel ${channelId}`);
    found.guild.channels = found.guild.channels.filter((channel) => channel !== found.channel);
    if (this.#gateway.ready) this.#gateway.dispatch(GatewayDispatchEvents.ChannelDelete, channelPayload(found.channel, found.guild));
  }

  /** A file a user attaches to a command, served from the fake CDN. */
  addAttachment(filename: string, bytes: Uint8Array, contentType = 'application/octet-stream', overrides: Partial<APIAttachment> = {}): APIAttachment {
    return this.#state.cdn.store(`ephemeral-attachments/${this.applicationId}`, filename, Buffer.from(bytes), contentType, overrides);
  }

  /** An attachment whose CDN URL answers 302 to `location`, to test that the bot refuses to follow it. */
  addRedirectingAttachment(filename: string, location: string, contentType = 'text/csv'): APIAttachment {
    return this.#state.cdn.storeRedirect(`ephemeral-attachments/${this.applicationId}`, filename, location, contentType);
  }

  /** Stops the gateway and the HTTP server, dropping open connections. Close the discord.js client first. */
  close(): Promise<void> {
    this.#closed ??= new Promise<void>((resolve, reject) => {
      this.#gateway.close();
      this.#server.closeAllConnections();
      this.#server.close((error) => (error ? reject(error) : resolve()));
    });
    return this.#closed;
  }

  #send({ record, payload }: { record: FakeInteraction; payload: unknown }): SentInteraction {
    this.#gateway.dispatch(GatewayDispatchEvents.InteractionCreate, payload);
    return { id: record.id, token: record.token, applicationId: this.applicationId };
  }

  #addGuildState(init: GuildInit): FakeGuild {
    const guild = createGuild(init, this.#state.nextId, this.#state.isoNow());
    this.#state.guilds.set(guild.id, guild);
    return guild;
  }

  #gatewayHooks(): GatewayHooks {
    return {
      acceptsToken: (token) => token === this.token,
      identify: (identify, sessionId) => {
        if (identify.token !== this.token) return { close: GatewayCloseCodes.AuthenticationFailed, reason: 'Authentication failed.' };
        if (Number(identify.intents) & PRIVILEGED_INTENTS & ~this.#privilegedIntents) {
          return { close: GatewayCloseCodes.DisallowedIntents, reason: 'Disallowed intent(s).' };
        }
        return { dispatches: this.#loginDispatches(identify, sessionId) };
      },
    };
  }

  /** READY listing every server as unavailable, then one GUILD_CREATE each, as Discord streams them in. */
  #loginDispatches(identify: GatewayIdentifyData, sessionId: string): Dispatch[] {
    const present = this.guilds.filter((guild) => guild.present);
    const ready: GatewayReadyDispatchData = {
      v: 10,
      user: this.botUser,
      guilds: present.map((guild) => ({ id: guild.id, unavailable: true })),
      session_id: sessionId,
      resume_gateway_url: this.gatewayUrl,
      shard: identify.shard ?? [0, 1],
      application: { id: this.applicationId, flags: 0 as ApplicationFlags, flags_new: '0' },
    };
    return [
      { t: GatewayDispatchEvents.Ready, d: ready },
      ...present.map((guild) => ({ t: GatewayDispatchEvents.GuildCreate, d: guildCreatePayload(guild, this.botUser) })),
    ];
  }
}
