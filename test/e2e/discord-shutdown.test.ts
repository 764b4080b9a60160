import { readFileSync } from 'node:fs';
import { MessageFlags } from 'discord.js';
import { z } from 'zod';
import { afterEach, describe, expect, it } from 'vitest';
import { defineCommand, type Command } from '../../commands/command.js';
import { COMMANDS } from '../../commands/index.js';
import { projectFile } from '../helpers.js';
import { ADMIN, contentOf, finalResponse, MEMBER, startBotAgainstFake, type RunningBot } from './bot-harness.js';

const SAMPLE = readFileSync(projectFile('data/sample_online_retail.csv'));

let release: () => void = () => {};
/** A command that runs until the test releases it, longer than the shutdown's grace period. */
const hold = defineCommand({
  path: ['probe', 'hold'],
  description: { en: 'Probe: runs until released', id: 'Uji: berjalan sampai dilepas' },
  permission: 'read',
  options: [],
  schema: z.object({}),
  async run() {
    await new Promise<void>((resolve) => (release = resolve));
    return { ok: true, text: 'finished after all' };
  },
}) as unknown as Command;

describe('graceful shutdown of the bot', () => {
  let running: RunningBot | undefined;
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });

  it('GIVEN an upload is running WHEN the bot stops THEN new commands are refused, the upload finishes and answers, then it disconnects', async () => {
    running = await startBotAgainstFake();
    const { fake, bot } = running;
    const upload = fake.sendCommand({ name: 'upload', attachments: { file: fake.addAttachment('sample.csv', SAMPLE, 'text/csv') }, user: ADMIN });
    await fake.waitFor((request) => request.interactionId === upload.id);

    const stopped = bot.stop();
    const late = fake.sendCommand({ name: 'datasets', subcommand: 'list', user: MEMBER });
    const refused = await finalResponse(fake, late.id);
    await stopped;

    expect(refused.body).toMatchObject({ data: { flags: MessageFlags.Ephemeral, content: expect.stringMatching(/restarting and not taking new commands/) } });
    const answered = await finalResponse(fake, upload.id, 1_000);
    expect(contentOf(answered)).toMatch(/Imported into dataset \*\*sample\*\*/);
    expect(bot.client.isReady()).toBe(false);
  });

  it('GIVEN a command still running when the grace period ends THEN its member is told it was interrupted, and its late answer is dropped', async () => {
    running = await startBotAgainstFake({ commands: [...COMMANDS, hold], shutdownGraceMs: 100 });
    const { fake, bot, logs } = running;
    const sent = fake.sendCommand({ name: 'probe', subcommand: 'hold', user: MEMBER, locale: 'id' });
    await fake.waitFor((request) => request.interactionId === sent.id);

    await bot.stop();
    release();
    await new Promise((resolve) => setTimeout(resolve, 200));

    expect(fake.originalMessage(sent.id)?.content).toMatch(/^Segmenta harus dimulai ulang saat perintah ini berjalan/);
    expect(fake.interactionResponses(sent.id).map((request) => request.method)).toEqual(['POST', 'PATCH']);
    expect(logs.join('\n')).toMatch(/1 command\(s\) did not finish before shutdown/);
  });
});
