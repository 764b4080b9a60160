import { postDigestAlert } from '../../app/digest/alert-post.js';
import type { DiscordDoor } from './handle-command.js';

/**
 * After a change in a server (an upload, a segment run), the digest's alert judges the dataset's newest run, in the
 * server's work queue. Cheap when the server has no alert or no new run; a failure is logged, never shown to the
 * member whose command it followed.
 */
export async function judgeDigestAlert(door: DiscordDoor, guildId: string): Promise<void> {
  try {
    const judged = await door.changes.run(guildId, () => postDigestAlert(door.app, guildId), async () => {});
    if (judged?.posted) door.log.info(`digest alert ${judged.metric} posted in guild ${guildId} (value ${judged.value}, threshold ${judged.threshold})`);
  } catch (error) {
    door.log.warn(`digest alert of guild ${guildId} failed`, error);
  }
}
