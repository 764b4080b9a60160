import { PermissionFlagsBits, PermissionsBitField } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { splitWords } from '../../../src/transports/cli/console.js';
import { createLogger, redact } from '../../../src/transports/discord/logger.js';
import { memberOf } from '../../../src/transports/discord/permissions.js';
import { RunningWork } from '../../../src/transports/discord/running-work.js';
import { localeOf } from '../../../src/transports/discord/words.js';

describe('localeOf', () => {
  it.each([
    ['id', 'id'],
    ['en-US', 'en'],
    ['en-GB', 'en'],
    ['ms', 'en'],
    [null, 'en'],
  ] as const)('GIVEN Discord locale %s THEN %s', (discord, ours) => {
    expect(localeOf(discord)).toBe(ours);
  });
});

describe('memberOf', () => {
  it('GIVEN Manage Server and roles as Discord sends them THEN the member the access rule reads', () => {
    const admin = new PermissionsBitField(PermissionFlagsBits.ManageGuild | PermissionFlagsBits.SendMessages);
    expect(memberOf(admin, { roles: ['111', '222'] })).toEqual({ canManageServer: true, roleIds: ['111', '222'] });
  });
  it('GIVEN no permissions and no member THEN nothing is granted', () => {
    expect(memberOf(new PermissionsBitField(PermissionFlagsBits.SendMessages), null)).toEqual({ canManageServer: false, roleIds: [] });
    expect(memberOf(null, null).canManageServer).toBe(false);
  });
});

describe('logger', () => {
  it('GIVEN a secret anywhere in a message or an error THEN the line shows [redacted] instead', () => {
    const lines: string[] = [];
    const log = createLogger('info', ['MTIzNDU2.secret.token'], { write: (line: string) => lines.push(line) });
    log.error('login with MTIzNDU2.secret.token failed', new Error('401 for Bot MTIzNDU2.secret.token'));
    log.debug('not shown at info');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/ERROR login with \[redacted\] failed: Error: 401 for Bot \[redacted\]/);
    expect(lines[0]).not.toContain('MTIzNDU2');
  });
  it('GIVEN a too-short secret THEN it is not used, so ordinary words survive', () => {
    expect(redact('a b c', ['a'])).toBe('a b c');
  });
});

describe('splitWords', () => {
  it('GIVEN quotes THEN a quoted phrase stays one word', () => {
    expect(splitWords(`upload "my orders.csv" --customer-column 'Customer ID'  `)).toEqual(['upload', 'my orders.csv', '--customer-column', 'Customer ID']);
  });
});

describe('RunningWork', () => {
  it('GIVEN work that finishes within the grace period THEN drain waits for it and nobody is told', async () => {
    const work = new RunningWork(() => {});
    const told: string[] = [];
    let finished = false;
    work.start(() => new Promise<void>((resolve) => setTimeout(() => ((finished = true), resolve()), 20)), async () => told.push('a'));
    expect(await work.drain(1_000)).toBe(0);
    expect(finished).toBe(true);
    expect(told).toEqual([]);
    expect(work.start(async () => {}, async () => {})).toBe(false);
  });

  it('GIVEN work still running after the grace period THEN its user is told and it counts as interrupted', async () => {
    const work = new RunningWork(() => {});
    const told: string[] = [];
    work.start(() => new Promise<void>(() => {}), async () => told.push('slow'));
    work.start(async () => {}, async () => told.push('fast'));
    await Promise.resolve();
    expect(await work.drain(10)).toBe(1);
    expect(told).toEqual(['slow']);
  });

  it('GIVEN work that throws THEN the error goes to the handler, not to an unhandled rejection', async () => {
    const errors: unknown[] = [];
    const work = new RunningWork((error) => errors.push(error));
    work.start(async () => {
      throw new Error('boom');
    }, async () => {});
    await work.drain(100);
    expect(errors).toHaveLength(1);
  });
});
