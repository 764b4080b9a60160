import { once } from 'node:events';
import { constants, createInflate } from 'node:zlib';
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  InteractionResponseType,
  MessageFlags,
  PermissionFlagsBits,
  REST,
  Routes,
  type Guild,
  type Interaction,
  type TextChannel,
} from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { ManualClock, startFakeDiscord, type FakeDiscord, type FakeDiscordOptions } from './fake-discord/index.js';

/** Not a real PNG, but it starts like one, so upload sniffing and byte-for-byte checks both have something to bite. */
const PNG_BYTES = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0xff, 0x00, 0x7f, 0x80]);

let fake: FakeDiscord | undefined;
let client: Client | undefined;

afterEach(async () => {
  await client?.destroy();
  await fake?.close();
  client = undefined;
  fake = undefined;
});

/** A fake Discord plus a real discord.js client logged in to it, the way the bot will be configured. */
async function connect(options: FakeDiscordOptions = {}): Promise<{ fake: FakeDiscord; client: Client }> {
  fake = await startFakeDiscord(options);
  client = new Client({ rest: { api: fake.apiUrl }, intents: [GatewayIntentBits.Guilds] });
  const ready = once(client, Events.ClientReady);
  await client.login(fake.token);
  await ready;
  return { fake, client };
}

/** The next interaction discord.js emits, handled by `handle`; resolves with what `handle` returned or threw. */
function handleNext<T>(target: Client, handle: (interaction: Interaction) => Promise<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    target.once(Events.InteractionCreate, (interaction) => handle(interaction).then(resolve, reject));
  });
}

describe('fake Discord with the real discord.js client', () => {
  it('GIVEN a client with the Guilds intent WHEN it logs in THEN it is ready and sees the server from GUILD_CREATE', async () => {
    const { fake, client } = await connect();
    const [guild] = fake.guilds;

    expect(client.user?.id).toBe(fake.botUser.id);
    expect(client.application?.id).toBe(fake.applicationId);
    const seen = client.guilds.cache.get(guild!.id);
    expect(seen?.name).toBe(guild!.name);
    expect(seen?.channels.cache.map((channel) => channel.name)).toEqual(['general', 'marketing']);
    expect(seen?.members.me?.id).toBe(fake.botUser.id);
    expect(fake.identifies.map((identify) => identify.intents)).toEqual([GatewayIntentBits.Guilds]);
    expect(fake.requests.map((request) => `${request.method} ${request.path}`)).toEqual(['GET /gateway/bot']);
    expect(fake.requests[0]?.headers.authorization).toBe('Bot [redacted]');
  });

  it('GIVEN a chat-input command WHEN the bot defers then edits with a file THEN the fake records both with the bytes intact', async () => {
    const { fake, client } = await connect();
    const handled = handleNext(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a chat-input command');
      await interaction.deferReply();
      await interaction.editReply({
        content: `segments for ${interaction.options.getString('dataset', true)} (${interaction.locale})`,
        files: [{ attachment: PNG_BYTES, name: 'segments.png' }],
      });
      return interaction;
    });

    const sent = fake.sendCommand({ name: 'segment', subcommand: 'run', options: { dataset: 'toko-2025', k: 4 }, locale: 'id' });
    const interaction = await handled;

    expect(interaction.id).toBe(sent.id);
    expect(interaction.options.getSubcommand()).toBe('run');
    expect(interaction.options.getInteger('k')).toBe(4);
    const [deferred, edit, ...rest] = fake.interactionResponses(sent.id);
    expect(rest).toEqual([]);
    expect(deferred).toMatchObject({ route: 'POST /interactions/:id/:token/callback', status: 204, late: false });
    expect(deferred?.body).toMatchObject({ type: InteractionResponseType.DeferredChannelMessageWithSource });
    expect(edit).toMatchObject({ method: 'PATCH', path: `/webhooks/${fake.applicationId}/${sent.token}/messages/@original`, status: 200 });
    expect(edit?.body).toMatchObject({ content: 'segments for toko-2025 (id)' });
    expect(edit?.files).toHaveLength(1);
    expect(edit?.files[0]).toMatchObject({ field: 'files[0]', name: 'segments.png', contentType: 'image/png' });
    expect(edit?.files[0]?.bytes.equals(PNG_BYTES)).toBe(true);

    const reply = fake.originalMessage(sent.id);
    expect(reply?.flags).toBe(0);
    expect(reply?.attachments.map((attachment) => attachment.filename)).toEqual(['segments.png']);
    expect(fake.attachmentBytes(reply!.attachments[0]!.url)?.equals(PNG_BYTES)).toBe(true);
    expect(fake.unexpectedRequests()).toEqual([]);
  });

  it('GIVEN an ephemeral deferral WHEN the bot follows up THEN the follow-up replaces the placeholder, as on Discord', async () => {
    const { fake, client } = await connect();
    const handled = handleNext(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a chat-input command');
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      return interaction.followUp({ content: 'done' });
    });

    const sent = fake.sendCommand({ name: 'lookup', options: { customer: 'C-1001' } });
    const followUp = await handled;

    const original = fake.originalMessage(sent.id);
    expect(followUp.id).toBe(original?.id);
    expect(original?.content).toBe('done');
    expect(original?.flags).toBe(MessageFlags.Ephemeral);
  });

  it('GIVEN an autocomplete interaction WHEN the bot responds THEN the choices are recorded', async () => {
    const { fake, client } = await connect();
    const handled = handleNext(client, async (interaction) => {
      if (!interaction.isAutocomplete()) throw new Error('expected autocomplete');
      const typed = interaction.options.getFocused();
      await interaction.respond([{ name: `${typed}-2025`, value: `${typed}-2025` }]);
    });

    const sent = fake.sendAutocomplete({ name: 'segment', options: { dataset: 'to', k: 3 }, focused: 'dataset' });
    await handled;

    const response = await fake.waitFor((request) => request.interactionId === sent.id);
    expect(response.body).toEqual({
      type: InteractionResponseType.ApplicationCommandAutocompleteResult,
      data: { choices: [{ name: 'to-2025', value: 'to-2025' }] },
    });
  });

  it('GIVEN a reply WHEN the bot fetches then deletes it THEN both go through @original and only the delete is a response', async () => {
    const { fake, client } = await connect();
    const handled = handleNext(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a chat-input command');
      await interaction.reply({ content: 'working' });
      const fetched = await interaction.fetchReply();
      await interaction.deleteReply();
      return fetched;
    });

    const sent = fake.sendCommand({ name: 'segment' });
    const fetched = await handled;

    expect(fetched.content).toBe('working');
    expect(fake.interactionResponses(sent.id).map((request) => `${request.method} ${request.status}`)).toEqual(['POST 204', 'DELETE 204']);
    expect(fake.originalMessage(sent.id)).toBeUndefined();
  });

  it('GIVEN a channel message with a file THEN it is posted as multipart, unless the bot may not attach files there', async () => {
    const { fake, client } = await connect({
      guilds: [{ channels: [{ name: 'digest' }, { name: 'read-only', botPermissions: PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages }] }],
    });
    const [digest, readOnly] = fake.guilds[0]!.channels;
    const send = (channelId: string) => {
      const channel = client.channels.cache.get(channelId);
      if (!channel?.isSendable()) throw new Error('expected a sendable channel');
      return channel.send({ content: 'weekly digest', files: [{ attachment: PNG_BYTES, name: 'trend.png' }] });
    };

    const message = await send(digest!.id);
    const refused = await send(readOnly!.id).catch((error: unknown) => error);

    expect(message.attachments.first()?.name).toBe('trend.png');
    const posted = fake.requests.find((request) => request.route === 'POST /channels/:channel/messages' && request.status === 200);
    expect(posted?.files[0]?.bytes.equals(PNG_BYTES)).toBe(true);
    expect(refused).toMatchObject({ code: 50013, status: 403 });
    const readOnlyChannel = client.channels.cache.get(readOnly!.id) as TextChannel;
    expect(readOnlyChannel.permissionsFor(client.user!)?.has(PermissionFlagsBits.AttachFiles)).toBe(false);
    expect(fake.channelMessages(digest!.id).map((stored) => stored.content)).toEqual(['weekly digest']);
  });

  it('GIVEN enforce_nonce THEN a repeated nonce within a few minutes returns the first message, a later one or one without enforcement makes a new one, and a nonce over 25 characters is refused', async () => {
    const clock = new ManualClock();
    const { fake, client } = await connect({ clock });
    const channel = client.channels.cache.get(fake.guilds[0]!.channels[1]!.id);
    if (!channel?.isSendable()) throw new Error('expected a sendable channel');
    const send = (nonce: string, enforceNonce = true) => channel.send({ content: 'weekly digest', nonce, enforceNonce });

    const first = await send('digest-2026-W50');
    const repeated = await send('digest-2026-W50');
    expect(repeated.id).toBe(first.id);
    expect((await send('digest-2026-W50', false)).id).not.toBe(first.id);
    clock.advance(6 * 60_000);
    expect((await send('digest-2026-W50')).id).not.toBe(first.id);
    expect(fake.channelMessages(channel.id)).toHaveLength(3);
    expect(await send('x'.repeat(26)).catch((error: unknown) => error)).toMatchObject({ code: 50035, status: 400 });
  });

  it('GIVEN an admin takes a permission away or deletes a channel THEN discord.js sees it from the gateway and Discord refuses the bot there', async () => {
    const { fake, client } = await connect();
    const [, marketing] = fake.guilds[0]!.channels;
    const updated = once(client, Events.ChannelUpdate);
    fake.setBotPermissions(marketing!.id, PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages);
    await updated;
    const channel = client.channels.cache.get(marketing!.id) as TextChannel;
    expect(channel.permissionsFor(client.user!)?.has(PermissionFlagsBits.EmbedLinks)).toBe(false);
    expect(await channel.send({ content: 'chart', files: [{ attachment: PNG_BYTES, name: 'a.png' }] }).catch((error: unknown) => error)).toMatchObject({ code: 50013 });

    const deleted = once(client, Events.ChannelDelete);
    fake.deleteChannel(marketing!.id);
    await deleted;
    expect(client.channels.cache.has(marketing!.id)).toBe(false);
    const error = await client.rest.post(Routes.channelMessages(marketing!.id), { body: { content: 'weekly digest' } }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 10003, status: 404 });
  });

  it('GIVEN a connected client WHEN the bot is added to another server THEN discord.js emits guildCreate', async () => {
    const { fake, client } = await connect();
    const created = once(client, Events.GuildCreate);

    const guild = fake.addGuild({ name: 'Kopi Nusantara', preferredLocale: 'id' });
    const [seen] = (await created) as [Guild];

    expect(seen.id).toBe(guild.id);
    expect(seen.preferredLocale).toBe('id');
  });

  it('GIVEN a handler that waits 3.5 s WHEN it replies THEN Discord has dropped the interaction (10062)', async () => {
    const { fake, client } = await connect();
    const handled = handleNext(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a chat-input command');
      await new Promise((resolve) => setTimeout(resolve, 3_500));
      return interaction.reply({ content: 'too late' }).then(
        () => undefined,
        (error: unknown) => error,
      );
    });

    const sent = fake.sendCommand({ name: 'segment' });
    const error = await handled;

    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ code: 10062, status: 404 });
    expect(fake.interactionResponses(sent.id)).toMatchObject([{ status: 404, late: true }]);
    expect(fake.originalMessage(sent.id)).toBeUndefined();
  }, 10_000);

  it('GIVEN an acknowledged interaction WHEN the bot calls back again THEN Discord refuses with 40060', async () => {
    const { fake, client } = await connect();
    const handled = handleNext(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a chat-input command');
      const first = await interaction.reply({ content: 'first', withResponse: true });
      expect(first.resource?.message?.content).toBe('first');
      // Bypass discord.js's own "already replied" guard to reach Discord's.
      return client.rest
        .post(Routes.interactionCallback(interaction.id, interaction.token), {
          body: { type: InteractionResponseType.ChannelMessageWithSource, data: { content: 'second' } },
          auth: false,
        })
        .catch((error: unknown) => error);
    });

    const sent = fake.sendCommand({ name: 'segment' });
    expect(await handled).toMatchObject({ code: 40060, status: 400 });
    expect(fake.interactionResponses(sent.id).map((request) => request.status)).toEqual([200, 400]);
    expect(fake.originalMessage(sent.id)?.content).toBe('first');
  });

  it('GIVEN a reply over 2000 characters THEN Discord refuses the form body (50035) and nothing is acknowledged', async () => {
    const { fake, client } = await connect();
    const handled = handleNext(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a chat-input command');
      return interaction.reply({ content: 'x'.repeat(2001) }).catch((error: unknown) => error);
    });

    fake.sendCommand({ name: 'segment' });
    const error = await handled;

    expect(error).toMatchObject({ code: 50035, status: 400 });
    expect((error as DiscordAPIError).rawError).toMatchObject({
      errors: { data: { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } },
    });
  });

  it('GIVEN a manual clock WHEN the bot edits a reply after 16 minutes THEN the token is refused (401, 50027)', async () => {
    const clock = new ManualClock();
    const { fake, client } = await connect({ clock });
    const handled = handleNext(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a chat-input command');
      await interaction.deferReply();
      clock.advance(16 * 60 * 1_000);
      return interaction.editReply({ content: 'finally' }).catch((error: unknown) => error);
    });

    const sent = fake.sendCommand({ name: 'segment' });

    expect(await handled).toMatchObject({ code: 50027, status: 401 });
    expect(fake.interactionResponses(sent.id).map((request) => request.status)).toEqual([204, 401]);
  });

  it('GIVEN a reply with a button WHEN a user clicks it THEN the bot gets a button interaction and can update the message', async () => {
    const { fake, client } = await connect();
    const replied = handleNext(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a chat-input command');
      const next = new ButtonBuilder().setCustomId('page:2').setLabel('Next').setStyle(ButtonStyle.Primary);
      await interaction.reply({ content: 'page 1', components: [new ActionRowBuilder<ButtonBuilder>().addComponents(next)] });
    });
    const command = fake.sendCommand({ name: 'segments' });
    await replied;

    const clicked = handleNext(client, async (interaction) => {
      if (!interaction.isButton()) throw new Error('expected a button');
      await interaction.update({ content: `page 2 of ${interaction.customId}`, components: [] });
      return interaction;
    });
    const click = fake.sendButton({ customId: 'page:2' });
    const button = await clicked;

    expect(button.message.id).toBe(fake.originalMessage(command.id)?.id);
    expect(fake.interactionResponses(click.id)[0]?.body).toMatchObject({ type: InteractionResponseType.UpdateMessage });
    expect(fake.originalMessage(command.id)).toMatchObject({ content: 'page 2 of page:2', components: [] });
    expect(() => fake.sendButton({ customId: 'page:3' })).toThrow(/no message .*page:3/);
  });

  it('GIVEN command registration through REST THEN the body is recorded and later interactions carry the registered id', async () => {
    const { fake, client } = await connect();
    const guildId = fake.guilds[0]!.id;
    const body = [
      {
        name: 'segment',
        description: 'Segment customers',
        description_localizations: { id: 'Segmentasikan pelanggan' },
        options: [{ type: 10, name: 'threshold', description: 'Minimum score', required: true }],
      },
    ];

    const rest = new REST({ api: fake.apiUrl }).setToken(fake.token);
    const registered = (await rest.put(Routes.applicationGuildCommands(fake.applicationId, guildId), { body })) as { id: string }[];

    const request = await fake.waitFor((recorded) => recorded.route === 'PUT /applications/:app/guilds/:guild/commands');
    expect(request.body).toEqual(body);
    expect(fake.registeredCommands(guildId).map((command) => command.id)).toEqual([registered[0]?.id]);
    const received = handleNext(client, async (interaction) => interaction);
    fake.sendCommand({ name: 'segment', options: { threshold: 3 } });
    const interaction = await received;
    expect(interaction.isChatInputCommand() && interaction.commandId).toBe(registered[0]?.id);
    expect(interaction.isChatInputCommand() && interaction.options.getNumber('threshold')).toBe(3);
  });

  it('GIVEN an Indonesian description over 100 characters THEN registration is refused (50035)', async () => {
    const { fake } = await connect();
    const rest = new REST({ api: fake.apiUrl }).setToken(fake.token);
    const body = [{ name: 'segment', description: 'Segment customers', description_localizations: { id: 'x'.repeat(101) } }];

    const error = await rest.put(Routes.applicationCommands(fake.applicationId), { body }).catch((caught: unknown) => caught);

    expect(error).toMatchObject({ code: 50035, status: 400 });
    expect((error as DiscordAPIError).rawError).toMatchObject({ errors: { '0': { description_localizations: { id: {} } } } });
    expect(fake.registeredCommands()).toEqual([]);
  });

  it('GIVEN the bot is removed from a server THEN discord.js forgets it and Discord refuses the bot there', async () => {
    const { fake, client } = await connect();
    const guild = fake.guilds[0]!;
    const deleted = once(client, Events.GuildDelete);

    fake.removeGuild(guild.id);
    await deleted;

    expect(client.guilds.cache.has(guild.id)).toBe(false);
    expect(() => fake.sendCommand({ guildId: guild.id, name: 'segment' })).toThrow(/not in guild/);
    const error = await client.rest
      .post(Routes.channelMessages(guild.channels[0]!.id), { body: { content: 'weekly digest' } })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 50001, status: 403 });
  });

  it('GIVEN a command attachment THEN its URL serves the bytes, a redirecting one answers 302, and every fetch is recorded', async () => {
    const { fake, client } = await connect();
    const csv = fake.addAttachment('orders.csv', Buffer.from('customer,amount\nC-1,10\n'), 'text/csv');
    const forbidden = `${fake.apiUrl.replace('/api', '')}/cdn/forbidden/secret`;
    const redirecting = fake.addRedirectingAttachment('trap.csv', forbidden);
    const handled = handleNext(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a chat-input command');
      await interaction.deferReply();
      return interaction.options.getAttachment('file', true);
    });

    fake.sendCommand({ name: 'import', attachments: { file: csv } });
    const attachment = await handled;
    const downloaded = await fetch(attachment.url).then((response) => response.text());
    const redirect = await fetch(redirecting.url, { redirect: 'manual' });

    expect(attachment).toMatchObject({ name: 'orders.csv', contentType: 'text/csv', size: 23, ephemeral: true });
    expect(downloaded).toBe('customer,amount\nC-1,10\n');
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe(forbidden);
    expect(fake.cdnRequests.map((request) => request.status)).toEqual([200, 302]);
    expect(fake.cdnRequests.some((request) => request.path.startsWith('/cdn/forbidden/'))).toBe(false);
  });

  it('GIVEN a call no route knows THEN it gets a 404 and is listed as unexpected', async () => {
    const { fake, client } = await connect();

    const error = await client.rest.get(Routes.guildMembers(fake.guilds[0]!.id)).catch((caught: unknown) => caught);

    expect(error).toMatchObject({ status: 404 });
    expect(fake.unexpectedRequests().map((request) => `${request.method} ${request.path}`)).toEqual([
      `GET /guilds/${fake.guilds[0]!.id}/members`,
    ]);
  });

  it('GIVEN a client asking for a privileged intent the portal has not enabled THEN login fails like Discord (4014)', async () => {
    fake = await startFakeDiscord();
    client = new Client({ rest: { api: fake.apiUrl }, intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMembers] });
    const disconnected = once(client, Events.ShardDisconnect);

    void client.login(fake.token).catch(() => undefined);

    const [event] = (await disconnected) as [{ code: number }];
    expect(event.code).toBe(4014);
  });
});

describe('fake gateway compression', () => {
  it('GIVEN compress=zlib-stream THEN every frame inflates from one shared stream, in order', async () => {
    fake = await startFakeDiscord();
    const socket = new WebSocket(`${fake.gatewayUrl}?v=10&encoding=json&compress=zlib-stream`);
    const inflate = createInflate();
    const payloads: { op: number; t: string | null }[] = [];
    let pending = '';
    inflate.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      try {
        payloads.push(JSON.parse(pending) as { op: number; t: string | null });
        pending = '';
      } catch {
        // A frame may inflate in more than one chunk; wait for the rest.
      }
    });
    socket.on('message', (frame: Buffer) => {
      expect(frame.subarray(-4).equals(Buffer.from([0, 0, 0xff, 0xff]))).toBe(true);
      inflate.write(frame);
      inflate.flush(constants.Z_SYNC_FLUSH);
    });
    await once(socket, 'open');

    socket.send(JSON.stringify({ op: 2, d: { token: fake.token, intents: 1, properties: {}, shard: [0, 1] } }));
    socket.send(JSON.stringify({ op: 1, d: null }));
    await fake.waitForReady();
    await expect.poll(() => payloads.length).toBe(4);
    socket.close();
    await once(socket, 'close');
    inflate.close();

    expect(payloads.map((payload) => payload.t ?? payload.op)).toEqual([10, 'READY', 'GUILD_CREATE', 11]);
  });
});
