import { randomUUID } from 'node:crypto';
import type { Command } from '../../../commands/command.js';
import type { Locale } from '../../app/reply.js';

/** A command waiting for its member to press "Yes": what it will run, for whom, where. */
export interface PendingConfirmation {
  command: Command;
  options: Record<string, unknown>;
  guildId: string;
  userId: string;
  locale: Locale;
  askedAt: number;
}

/** Questions older than this are refused: the member may have forgotten what they asked. */
export const CONFIRMATION_TTL_MS = 10 * 60 * 1_000;
const PREFIX = 'segmenta-confirm';

/**
 * Questions on screen, by the nonce in their buttons' custom ids. Kept in memory on purpose: after a restart
 * a button answers "expired" and nothing runs, which is the safe way round for commands that cannot be undone.
 */
export class PendingConfirmations {
  readonly #pending = new Map<string, PendingConfirmation>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /** Stores the question; returns the custom ids of its two buttons. */
  ask(entry: Omit<PendingConfirmation, 'askedAt'>): { confirmId: string; cancelId: string } {
    this.#forgetExpired();
    const nonce = randomUUID();
    this.#pending.set(nonce, { ...entry, askedAt: this.#now() });
    return { confirmId: `${PREFIX}:yes:${nonce}`, cancelId: `${PREFIX}:no:${nonce}` };
  }

  /** The answer a button carries, or undefined for a button that is not one of ours. */
  static answerOf(customId: string): { confirmed: boolean; nonce: string } | undefined {
    const [prefix, answer, nonce] = customId.split(':');
    if (prefix !== PREFIX || !nonce || (answer !== 'yes' && answer !== 'no')) return undefined;
    return { confirmed: answer === 'yes', nonce };
  }

  /** The waiting question, if it is still fresh; it stays until `settle` so another member's press cannot consume it. */
  peek(nonce: string): PendingConfirmation | undefined {
    const entry = this.#pending.get(nonce);
    if (!entry || this.#now() - entry.askedAt > CONFIRMATION_TTL_MS) return undefined;
    return entry;
  }

  /** Takes the question off the list: answered once, never twice. */
  settle(nonce: string): void {
    this.#pending.delete(nonce);
  }

  #forgetExpired(): void {
    for (const [nonce, entry] of this.#pending) if (this.#now() - entry.askedAt > CONFIRMATION_TTL_MS) this.#pending.delete(nonce);
  }
}
