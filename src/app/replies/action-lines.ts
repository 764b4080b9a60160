import type { PlaybookAction } from '../../segment/playbook.js';
import { escapeMarkdown } from '../format.js';
import { bundledPlaybook } from '../segments/playbook-source.js';
import type { Locale } from '../reply.js';

/**
 * "Email · 48 hours before each launch: Give early access…" — one line per action, in the reader's language.
 * A server's own actions are its members' words, so timing and text are escaped.
 */
export function actionLines(actions: readonly PlaybookAction[], locale: Locale, limit = actions.length): string[] {
  const channels = bundledPlaybook().channels;
  return actions.slice(0, limit).map((a) => `${channels[a.channel][locale]} · ${escapeMarkdown(a.timing[locale])}: ${escapeMarkdown(a.action[locale])}`);
}
