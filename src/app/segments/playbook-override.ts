import { CHANNELS, SEGMENT_NAMES, type Channel, type PlaybookAction, type SegmentName } from '../../segment/playbook.js';
import type { Db } from '../../store/open-database.js';
import { playbookOverridesRepository } from '../../store/playbook-overrides.js';
import { bundledPlaybook } from './playbook-source.js';
import { nameKey, segmentNameFrom } from './segment-names.js';

export type PlaybookChangeOutcome =
  | { ok: true; segment: SegmentName; actions: PlaybookAction[] }
  | { ok: true; reset: number; segment: SegmentName | null }
  | { ok: false; code: 'segment_not_found'; details: { segment: string; available: string[] } }
  | { ok: false; code: 'invalid_actions'; details: { problem: 'empty' | 'too_many' | 'too_long' | 'unknown_channel'; channel?: string; channels?: string[] } };

const MAX_ACTIONS = 10;
const MAX_ACTION_LENGTH = 300;
const ANY_TIME = { en: 'When it fits your calendar', id: 'Sesuai kalender Anda' };

function channelFrom(typed: string): Channel | undefined {
  const channels = bundledPlaybook().channels;
  return CHANNELS.find((channel) => [channel, channels[channel].en, channels[channel].id].some((name) => nameKey(name) === nameKey(typed)));
}

/**
 * A team's own actions, written the way people type in Discord: actions separated by ";" or new lines, each
 * optionally starting with a channel ("whatsapp: 20% voucher") and ending with a timing after "@"
 * ("… @ within 7 days"). The text is the team's own, so it is kept as written for both languages.
 *
 * @example
 * parseActionList('email: Win-back voucher @ now; whatsapp: Reminder of past purchases');
 * // { ok: true, actions: [{ channel: 'email', timing: { en: 'now', id: 'now' }, action: { en: 'Win-back voucher', ... } }, …] }
 */
export function parseActionList(text: string):
  | { ok: true; actions: PlaybookAction[] }
  | Extract<PlaybookChangeOutcome, { code: 'invalid_actions' }> {
  const parts = text.split(/[;\n]/).map((part) => part.trim()).filter(Boolean);
  if (parts.length === 0) return { ok: false, code: 'invalid_actions', details: { problem: 'empty' } };
  if (parts.length > MAX_ACTIONS) return { ok: false, code: 'invalid_actions', details: { problem: 'too_many' } };
  const actions: PlaybookAction[] = [];
  for (const part of parts) {
    const [body = '', timing] = part.split(/\s@\s/, 2).map((piece) => piece.trim());
    const colon = /^([^:]{2,30}):\s*(.+)$/.exec(body);
    let channel: Channel = 'email';
    let words = body;
    if (colon) {
      const found = channelFrom(colon[1]!);
      if (!found) return { ok: false, code: 'invalid_actions', details: { problem: 'unknown_channel', channel: colon[1]!, channels: [...CHANNELS] } };
      channel = found;
      words = colon[2]!.trim();
    }
    if (words.length > MAX_ACTION_LENGTH) return { ok: false, code: 'invalid_actions', details: { problem: 'too_long' } };
    actions.push({ channel, timing: timing ? { en: timing, id: timing } : ANY_TIME, action: { en: words, id: words } });
  }
  return { ok: true, actions };
}

/** Replaces a segment's actions for this server only. */
export function setPlaybookActions(db: Db, guildId: string, userId: string, typedSegment: string, text: string, now: Date): PlaybookChangeOutcome {
  const segment = segmentNameFrom(typedSegment);
  if (!segment) return { ok: false, code: 'segment_not_found', details: { segment: typedSegment, available: [...SEGMENT_NAMES] } };
  const parsed = parseActionList(text);
  if (!parsed.ok) return parsed;
  playbookOverridesRepository(db).set(guildId, segment, parsed.actions, userId, now);
  return { ok: true, segment, actions: parsed.actions };
}

/** Back to the bundled playbook, for one segment or all of them. */
export function resetPlaybook(db: Db, guildId: string, typedSegment: string | undefined): PlaybookChangeOutcome {
  if (typedSegment === undefined) return { ok: true, reset: playbookOverridesRepository(db).reset(guildId), segment: null };
  const segment = segmentNameFrom(typedSegment);
  if (!segment) return { ok: false, code: 'segment_not_found', details: { segment: typedSegment, available: [...SEGMENT_NAMES] } };
  return { ok: true, reset: playbookOverridesRepository(db).reset(guildId, segment), segment };
}
