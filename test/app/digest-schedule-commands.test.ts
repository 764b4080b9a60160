import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.js';
import { invokeCommand } from '../../commands/invoke.js';
import { digestRepository } from '../../src/store/digest-schedules.js';
import { findCommand } from '../../src/transports/cli/main.js';
import { temporaryApp } from '../helpers.js';

const digest = (subcommand: string) => COMMANDS.find((command) => command.path[0] === 'digest' && command.path[1] === subcommand)!;

describe('/digest commands at a door that cannot reach Discord (the CLI)', () => {
  let app: ReturnType<typeof temporaryApp>;
  const run = (subcommand: string, options: Record<string, unknown> = {}, locale: 'en' | 'id' = 'en') =>
    invokeCommand(digest(subcommand), { app, guildId: 'local', userId: 'cli', locale, progress: () => {} }, options, (message, error) => {
      throw new Error(`${message}: ${String(error)}`);
    });
  beforeEach(() => {
    app = temporaryApp();
    app.now = () => new Date('2026-12-07T03:00:00Z');
  });
  afterEach(() => app.cleanup());

  it('GIVEN `segmenta digest set` THEN the CLI finds /digest set, while `segmenta digest` alone is still the preview', () => {
    expect(findCommand(['digest', 'set'])?.command.path).toEqual(['digest', 'set']);
    expect(findCommand(['digest', 'now'])?.command.path).toEqual(['digest', 'now']);
    expect(findCommand(['digest'])?.command.path).toEqual(['digest', 'preview']);
  });

  it('GIVEN a schedule set an hour after this Monday\'s 09:00 in Jakarta THEN the next post is next Monday, and the channel is said to be checked at posting time', async () => {
    const reply = await run('set', { channel: '200000000000000001', day: 'monday', time: '9:00' });
    expect(reply.text).toMatch(/Every \*\*Monday\*\* at \*\*09:00\*\* \(Asia\/Jakarta\).*Next post: \*\*Monday, 14 December 2026 at 09:00 \(Asia\/Jakarta\)\*\*.*checks its permissions when it posts/s);
    expect(digestRepository(app.db).schedule('local')).toMatchObject({ weekday: 1, time: '09:00', timezone: 'Asia/Jakarta', activeSince: '2026-12-07T03:00:00.000Z' });
    expect((await run('status', {}, 'id')).text).toMatch(/^Setiap \*\*Senin\*\* pukul \*\*09:00\*\*/);
  });

  it('GIVEN the server\'s /settings timezone THEN /digest set without one posts in that zone; an unknown zone is refused and changes nothing', async () => {
    const settings = COMMANDS.find((command) => command.path[0] === 'settings')!;
    const configure = (options: Record<string, unknown>) =>
      invokeCommand(settings, { app, guildId: 'local', userId: 'cli', locale: 'en', progress: () => {} }, options, (message, error) => {
        throw new Error(`${message}: ${String(error)}`);
      });
    expect((await configure({})).text).toMatch(/Time zone: none chosen \(the digest uses Asia\/Jakarta\)/);
    expect(await configure({ timezone: 'Mars/Olympus' })).toMatchObject({ ok: false });
    expect((await configure({ timezone: 'Asia/Makassar' })).text).toMatch(/Time zone: Asia\/Makassar/);
    const reply = await run('set', { channel: '200000000000000001', day: 'monday', time: '09:00' });
    expect(reply.text).toMatch(/\(Asia\/Makassar\)/);
    expect(digestRepository(app.db).schedule('local')).toMatchObject({ timezone: 'Asia/Makassar' });
    await run('set', { channel: '200000000000000001', day: 'monday', time: '09:00', timezone: 'Asia/Jayapura' });
    expect(digestRepository(app.db).schedule('local')).toMatchObject({ timezone: 'Asia/Jayapura' });
  });

  it('GIVEN an unknown dataset THEN nothing is stored; GIVEN /digest now THEN it says posting needs the bot', async () => {
    expect((await run('set', { channel: '1', day: 'friday', time: '17:30', dataset: 'nope' })).text).toMatch(/There is no dataset \*\*nope\*\*.*Nothing was saved/);
    expect(digestRepository(app.db).schedule('local')).toBeUndefined();
    expect((await run('now')).text).toMatch(/Set the digest's channel first/);
    await run('set', { channel: '1', day: 'friday', time: '17:30', timezone: 'Europe/Berlin' });
    expect((await run('now')).text).toMatch(/Posting in a channel needs the Discord bot/);
  });

  it('GIVEN a paused schedule THEN every /digest command tells why first, and /digest set resumes it', async () => {
    await run('set', { channel: '1', day: 'friday', time: '17:30' });
    digestRepository(app.db).setFailures('local', 4);
    digestRepository(app.db).pause('local', 'channel_not_found');
    for (const [subcommand, options] of [['status', {}], ['now', {}], ['alert', { metric: 'off' }]] as const) {
      expect((await run(subcommand, options)).text).toMatch(/^⚠️ The weekly digest is \*\*paused\*\*: I could not post in <#1> after 4 tries \(the channel was deleted, or I can no longer see it\)/);
    }
    expect((await run('set', { channel: '1', day: 'friday', time: '17:30' })).text).toMatch(/It was paused \(the channel was deleted, or I can no longer see it\); it runs again\./);
    expect((await run('status')).text).not.toMatch(/paused/);
  });
});
