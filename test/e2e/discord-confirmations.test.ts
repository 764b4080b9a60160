import { PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, contentOf, datasetNames, finalResponse, startBotAgainstFake, TWO_ORDERS_CSV, type RunningBot } from './bot-harness.js';
import type { RecordedRequest } from './fake-discord/index.js';

const OTHER_ADMIN = { id: '700000000000000009', username: 'co-owner', permissions: ADMIN.permissions | PermissionFlagsBits.ManageGuild };
interface QuestionBody {
  type: number;
  data: { content: string; flags: number; components: { components: { custom_id: string; label: string }[] }[] };
}

describe('commands that cannot be undone ask first, through the bot', () => {
  let running: RunningBot;
  const datasets = () => datasetNames(running.config, running.fake.guilds[0]!.id);
  const upload = async (dataset: string) => {
    const file = running.fake.addAttachment('orders.csv', TWO_ORDERS_CSV, 'text/csv');
    await finalResponse(running.fake, running.fake.sendCommand({ name: 'upload', attachments: { file }, options: { dataset }, user: ADMIN }).id);
  };
  /** Sends the command and returns its question with the custom ids of "Yes" and "Cancel". */
  const ask = async (name: string, subcommand: string, options: Record<string, string> = {}) => {
    const sent = running.fake.sendCommand({ name, subcommand, options, user: ADMIN });
    const question = await running.fake.waitFor((request) => request.interactionId === sent.id && request.route === 'POST /interactions/:id/:token/callback');
    const body = question.body as QuestionBody;
    const [yes, no] = body.data.components[0]!.components;
    return { body, yes: yes!.custom_id, no: no!.custom_id };
  };
  /** Presses a button; resolves with the words it ends on (a refusal, "Cancelled", or the command's answer edited in). */
  const press = async (customId: string, user = ADMIN): Promise<string> => {
    const click = running.fake.sendButton({ customId, user });
    const words = (request: RecordedRequest) => String((request.body as { data?: { content?: unknown } }).data?.content ?? contentOf(request));
    const settled = await running.fake.waitFor(
      (request) => request.interactionId === click.id && request.status < 300 && !words(request).startsWith('⏳') && (request.method === 'PATCH' || request.route === 'POST /interactions/:id/:token/callback'),
    );
    return words(settled);
  };

  beforeAll(async () => {
    running = await startBotAgainstFake();
    await upload('orders');
  });
  afterAll(async () => {
    await running?.close();
  });

  it('GIVEN /datasets delete THEN a private question with two buttons comes first and nothing is deleted yet', async () => {
    const { body } = await ask('datasets', 'delete', { name: 'orders' });
    expect(body).toMatchObject({ type: 4, data: { flags: 64, content: expect.stringMatching(/Delete dataset \*\*orders\*\*.*cannot be undone/) } });
    expect(body.data.components[0]!.components.map((button) => button.label)).toEqual(['Yes, go ahead', 'Cancel']);
    expect(datasets()).toEqual(['orders']);
  });

  it('GIVEN Cancel THEN nothing changes; GIVEN another admin pressing THEN they are refused', async () => {
    const { yes, no } = await ask('datasets', 'delete', { name: 'orders' });
    expect(await press(yes, OTHER_ADMIN)).toMatch(/Only the member who ran the command/);
    expect(await press(no)).toMatch(/Cancelled\. Nothing was changed/);
    expect(datasets()).toEqual(['orders']);
  });

  it('GIVEN "Yes" from the member who asked THEN the dataset is deleted and the question becomes the answer', async () => {
    const { yes } = await ask('datasets', 'delete', { name: 'orders' });
    expect(await press(yes)).toMatch(/Deleted dataset \*\*orders\*\*/);
    expect(datasets()).toEqual([]);
  });

  it('GIVEN /data forget THEN it asks first, and "Yes" erases that customer', async () => {
    await upload('orders');
    const { body, yes } = await ask('data', 'forget', { customer: '12346' });
    expect(body.data.content).toMatch(/Erase every record of customer \*\*12346\*\*/);
    expect(await press(yes)).toMatch(/Customer 12346 erased: 1 transaction line and/);
  });

  it('GIVEN /data purge confirmed THEN every dataset of the server is gone', async () => {
    await upload('first');
    await upload('second');
    const { body, yes } = await ask('data', 'purge');
    expect(body.data.content).toMatch(/Erase \*\*every\*\* dataset/);
    expect(datasets()).toEqual(['first', 'orders', 'second']);
    expect(await press(yes)).toMatch(/All of this server's data is erased/);
    expect(datasets()).toEqual([]);
  });
});
