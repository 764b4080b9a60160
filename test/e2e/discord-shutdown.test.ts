import { readFileSync } from 'node:fs';
import { MessageFlags } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { projectFile } from '../helpers.js';
import { ADMIN, contentOf, finalResponse, MEMBER, startBotAgainstFake, type RunningBot } from './bot-harness.js';

const SAMPLE = readFileSync(projectFile('data/sample_online_retail.csv'));

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
});
