import { failureMessage, type FailureCode } from '../messages.js';
import type { Locale, Reply } from '../reply.js';

/** The one way a user mistake becomes a reply: localized words, only the asker sees it. */
export function failureReply(code: FailureCode, details: Record<string, unknown>, locale: Locale): Reply {
  return { ok: false, text: failureMessage(code, details, locale), ephemeral: true, data: { error: code, details } };
}
