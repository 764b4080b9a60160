import type { FormErrors } from './form-problems.js';

/** A reply the fake sends back: an HTTP status and a JSON body (none for 204). */
export interface Reply {
  status: number;
  body?: unknown;
}

/** Discord's JSON error shape: `{ message, code }`, plus `errors` for invalid form bodies. */
const discordError = (status: number, code: number, message: string, errors?: unknown): Reply => ({
  status,
  body: errors === undefined ? { message, code } : { message, code, errors },
});

/** The error bodies Discord answers with, as documented in its JSON error codes table. */
export const DiscordErrors = {
  notFound: () => discordError(404, 0, '404: Not Found'),
  unauthorized: () => discordError(401, 0, '401: Unauthorized'),
  unknownChannel: () => discordError(404, 10003, 'Unknown Channel'),
  unknownGuild: () => discordError(404, 10004, 'Unknown Guild'),
  unknownMessage: () => discordError(404, 10008, 'Unknown Message'),
  unknownWebhook: () => discordError(404, 10015, 'Unknown Webhook'),
  unknownInteraction: () => discordError(404, 10062, 'Unknown interaction'),
  requestTooLarge: () => discordError(413, 40005, 'Request entity too large'),
  alreadyAcknowledged: () => discordError(400, 40060, 'Interaction has already been acknowledged.'),
  missingAccess: () => discordError(403, 50001, 'Missing Access'),
  cannotSendEmptyMessage: () => discordError(400, 50006, 'Cannot send an empty message'),
  missingPermissions: () => discordError(403, 50013, 'Missing Permissions'),
  invalidWebhookToken: () => discordError(401, 50027, 'Invalid Webhook Token'),
  invalidFormBody: (errors: FormErrors) => discordError(400, 50035, 'Invalid Form Body', errors),
};
