import { MessageFlags } from 'discord.js';
import { z } from 'zod';
import { afterEach, describe, expect, it } from 'vitest';
import { defineCommand, type Command } from '../../commands/command.js';
import { ManualClock } from './fake-discord/index.js';
import { MEMBER, startBotAgainstFake, type RunningBot } from './bot-harness.js';

const clock = new ManualClock(new Date());

/** A command that takes 16 minutes on the fake clock, longer than an interaction token lives. */
const slow = (ephemeral: boolean) =>
  defineCommand({
    path: ['slow', ephemeral ? 'card' : 'overview'],
    description: { en: 'Probe: outlives its token', id: 'Uji: melewati umur token' },
    permission: 'read',
    options: [],
    schema: z.object({}),
    async run() {
      clock.advance(16 * 60 * 1_000);
      return { ok: true, ephemeral, text: ephemeral ? 'private card' : 'overview after a long time' };
    },
  }) as unknown as Command;

describe('work that outlives the 15-minute interaction token', () => {
  let running: RunningBot | undefined;
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });

  it('GIVEN a public answer after 16 minutes THEN it is posted in the channel instead of the expired reply; a private one is not posted at all', async () => {
    running = await startBotAgainstFake({ fake: { clock }, commands: [slow(false), slow(true)], now: () => clock.now() });
    const { fake } = running;
    const channelId = fake.guilds[0]!.channels[0]!.id;

    const overview = fake.sendCommand({ name: 'slow', subcommand: 'overview', user: MEMBER });
    const posted = await fake.waitFor((request) => request.route === 'POST /channels/:channel/messages');
    const card = fake.sendCommand({ name: 'slow', subcommand: 'card', user: MEMBER });
    await expect.poll(() => running!.logs.join('\n')).toMatch(/slow in guild \d+ finished after its token expired/);

    expect(posted).toMatchObject({ status: 200, body: { content: 'overview after a long time', allowed_mentions: { parse: [] } } });
    expect(fake.channelMessages(channelId).filter((message) => message.content === 'private card')).toEqual([]);
    expect(fake.interactionResponses(overview.id).map((request) => request.status)).toEqual([204]);
    expect(fake.originalMessage(card.id)?.flags).toBe(MessageFlags.Loading);
    expect(fake.requests.some((request) => request.status === 401)).toBe(false);
  });
});
