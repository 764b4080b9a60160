import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { defineCommand, type Command } from '../../../commands/command.js';
import { CONFIRMATION_TTL_MS, PendingConfirmations } from '../../../src/transports/discord/confirmations.js';

const command = defineCommand({
  path: ['data', 'purge'], permission: 'manage', options: [], description: { en: 'Purge', id: 'Hapus' }, schema: z.object({}),
  run: async () => ({ ok: true, text: '' }),
}) as unknown as Command;

describe('PendingConfirmations', () => {
  const entry = { command, options: { name: 'orders' }, guildId: 'g', userId: 'u', locale: 'en' as const };

  it('GIVEN a question THEN its buttons carry yes and no for the same nonce, and foreign buttons are not ours', () => {
    const pending = new PendingConfirmations(() => 0);
    const { confirmId, cancelId } = pending.ask(entry);
    const yes = PendingConfirmations.answerOf(confirmId);
    expect(yes).toMatchObject({ confirmed: true });
    expect(PendingConfirmations.answerOf(cancelId)).toEqual({ confirmed: false, nonce: yes!.nonce });
    expect(PendingConfirmations.answerOf('page:2')).toBeUndefined();
    expect(pending.peek(yes!.nonce)).toMatchObject({ options: { name: 'orders' }, userId: 'u' });
  });

  it('GIVEN a settled question THEN it cannot be answered again', () => {
    const pending = new PendingConfirmations(() => 0);
    const nonce = PendingConfirmations.answerOf(pending.ask(entry).confirmId)!.nonce;
    pending.settle(nonce);
    expect(pending.peek(nonce)).toBeUndefined();
  });

  it('GIVEN a question older than ten minutes THEN it has expired', () => {
    let now = 0;
    const pending = new PendingConfirmations(() => now);
    const nonce = PendingConfirmations.answerOf(pending.ask(entry).confirmId)!.nonce;
    now = CONFIRMATION_TTL_MS;
    expect(pending.peek(nonce)).toBeDefined();
    now = CONFIRMATION_TTL_MS + 1;
    expect(pending.peek(nonce)).toBeUndefined();
  });
});
