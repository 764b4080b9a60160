import type { Db } from './open-database.js';

export type AlertMetric = 'at_risk_revenue_share' | 'champions_change' | 'customers_lost';

/** A server's weekly digest: where, when (wall-clock time in an IANA zone), which dataset, and whether it is paused. */
export interface DigestSchedule {
  guildId: string;
  channelId: string;
  /** 0 = Sunday … 6 = Saturday, as in cron. */
  weekday: number;
  /** 'HH:MM', 24-hour, in `timezone`. */
  time: string;
  timezone: string;
  /** Null: the server's most recently updated dataset. */
  dataset: string | null;
  createdBy: string;
  /** Scheduled times before this instant are never caught up (it moves whenever the schedule is set). */
  activeSince: string;
  /** Why posting stopped; null while the schedule runs. */
  pausedReason: string | null;
  /** Failed sends since the last post that went out. */
  failures: number;
  alertMetric: AlertMetric | null;
  alertThreshold: number | null;
  alertLastRunId: number | null;
}

export type DigestPostStatus = 'sending' | 'sent' | 'skipped' | 'failed';

/** One period's post: written as 'sending' before the message goes out and as 'sent' once Discord has it. */
export interface DigestPost {
  guildId: string;
  period: string;
  kind: 'scheduled' | 'manual';
  channelId: string;
  scheduledAt: string;
  status: DigestPostStatus;
  reason: string | null;
  messageId: string | null;
  attempts: number;
  lastAttemptAt: string | null;
  /** Start of the first attempt that may have reached Discord without an answer (timed out, or the bot died mid-send). */
  uncertainSince: string | null;
  sentAt: string | null;
  updatedAt: string;
}

export type NewSchedule = Pick<DigestSchedule, 'guildId' | 'channelId' | 'weekday' | 'time' | 'timezone' | 'dataset' | 'createdBy' | 'activeSince'>;

const SCHEDULE_COLUMNS = `guild_id AS guildId, channel_id AS channelId, weekday, time, timezone, dataset, created_by AS createdBy,
  active_since AS activeSince, paused_reason AS pausedReason, failures, alert_metric AS alertMetric, alert_threshold AS alertThreshold,
  alert_last_run_id AS alertLastRunId`;
const POST_COLUMNS = `guild_id AS guildId, period, kind, channel_id AS channelId, scheduled_at AS scheduledAt, status, reason,
  message_id AS messageId, attempts, last_attempt_at AS lastAttemptAt, uncertain_since AS uncertainSince, sent_at AS sentAt, updated_at AS updatedAt`;

/** Digest schedules and the record of their posts. Every statement filters on guild_id, except the start-up listing of servers. */
export function digestRepository(db: Db) {
  const getSchedule = db.prepare<{ guildId: string }, DigestSchedule>(`SELECT ${SCHEDULE_COLUMNS} FROM digest_schedules WHERE guild_id = @guildId`);
  // The one statement across servers: at start-up the scheduler must find every server that has a schedule.
  const scheduledGuilds = db.prepare<[], string>(`SELECT guild_id FROM digest_schedules ORDER BY guild_id`).pluck();
  const putSchedule = db.prepare<NewSchedule>(
    `INSERT INTO digest_schedules (guild_id, channel_id, weekday, time, timezone, dataset, created_by, active_since)
     VALUES (@guildId, @channelId, @weekday, @time, @timezone, @dataset, @createdBy, @activeSince)
     ON CONFLICT (guild_id) DO UPDATE SET channel_id = excluded.channel_id, weekday = excluded.weekday, time = excluded.time,
       timezone = excluded.timezone, dataset = excluded.dataset, created_by = excluded.created_by,
       active_since = excluded.active_since, paused_reason = NULL, failures = 0`,
  );
  const removeSchedule = db.prepare<{ guildId: string }>(`DELETE FROM digest_schedules WHERE guild_id = @guildId`);
  const setPaused = db.prepare<{ guildId: string; reason: string | null }>(`UPDATE digest_schedules SET paused_reason = @reason WHERE guild_id = @guildId`);
  const setFailures = db.prepare<{ guildId: string; failures: number }>(`UPDATE digest_schedules SET failures = @failures WHERE guild_id = @guildId`);
  const setAlert = db.prepare<{ guildId: string; metric: AlertMetric | null; threshold: number | null; lastRunId: number | null }>(
    `UPDATE digest_schedules SET alert_metric = @metric, alert_threshold = @threshold, alert_last_run_id = @lastRunId WHERE guild_id = @guildId`,
  );
  const setAlertRun = db.prepare<{ guildId: string; runId: number }>(`UPDATE digest_schedules SET alert_last_run_id = @runId WHERE guild_id = @guildId`);

  const getPost = db.prepare<{ guildId: string; period: string }, DigestPost>(`SELECT ${POST_COLUMNS} FROM digest_posts WHERE guild_id = @guildId AND period = @period`);
  const recentPosts = db.prepare<{ guildId: string; limit: number }, DigestPost>(
    `SELECT ${POST_COLUMNS} FROM digest_posts WHERE guild_id = @guildId ORDER BY scheduled_at DESC, updated_at DESC LIMIT @limit`,
  );
  const skippedSince = db.prepare<{ guildId: string }, string>(
    `SELECT period FROM digest_posts
      WHERE guild_id = @guildId AND kind = 'scheduled' AND status = 'skipped' AND reason = 'downtime'
        AND scheduled_at > coalesce((SELECT max(scheduled_at) FROM digest_posts WHERE guild_id = @guildId AND kind = 'scheduled' AND status = 'sent'), '')
      ORDER BY scheduled_at`,
  ).pluck();
  const beginPost = db.prepare<{ guildId: string; period: string; kind: string; channelId: string; scheduledAt: string; now: string }>(
    `INSERT INTO digest_posts (guild_id, period, kind, channel_id, scheduled_at, status, attempts, last_attempt_at, updated_at)
     VALUES (@guildId, @period, @kind, @channelId, @scheduledAt, 'sending', 1, @now, @now)
     ON CONFLICT (guild_id, period) DO UPDATE SET status = 'sending', reason = NULL, channel_id = excluded.channel_id,
       attempts = attempts + 1, last_attempt_at = @now, updated_at = @now`,
  );
  const finishPost = db.prepare<{ guildId: string; period: string; status: DigestPostStatus; reason: string | null; messageId: string | null; uncertain: number; now: string }>(
    `UPDATE digest_posts SET status = @status, reason = @reason, message_id = coalesce(@messageId, message_id),
       uncertain_since = CASE WHEN @uncertain THEN coalesce(uncertain_since, last_attempt_at) ELSE uncertain_since END,
       sent_at = CASE WHEN @status = 'sent' THEN @now ELSE sent_at END, updated_at = @now
     WHERE guild_id = @guildId AND period = @period`,
  );
  const skipPost = db.prepare<{ guildId: string; period: string; channelId: string; scheduledAt: string; reason: string; now: string }>(
    `INSERT INTO digest_posts (guild_id, period, kind, channel_id, scheduled_at, status, reason, updated_at)
     VALUES (@guildId, @period, 'scheduled', @channelId, @scheduledAt, 'skipped', @reason, @now)
     ON CONFLICT (guild_id, period) DO NOTHING`,
  );

  return {
    schedule: (guildId: string): DigestSchedule | undefined => getSchedule.get({ guildId }),
    scheduledGuilds: (): string[] => scheduledGuilds.all(),
    /** Creates or replaces the server's schedule; a replaced one starts afresh (not paused, no failures), keeping its alert. */
    putSchedule: (schedule: NewSchedule) => void putSchedule.run(schedule),
    removeSchedule: (guildId: string) => removeSchedule.run({ guildId }).changes > 0,
    pause: (guildId: string, reason: string) => void setPaused.run({ guildId, reason }),
    setFailures: (guildId: string, failures: number) => void setFailures.run({ guildId, failures }),
    setAlert: (guildId: string, metric: AlertMetric | null, threshold: number | null, lastRunId: number | null) =>
      setAlert.run({ guildId, metric, threshold, lastRunId }).changes > 0,
    markAlertJudged: (guildId: string, runId: number) => void setAlertRun.run({ guildId, runId }),

    post: (guildId: string, period: string): DigestPost | undefined => getPost.get({ guildId, period }),
    /** The server's posts, newest scheduled time first. */
    recentPosts: (guildId: string, limit: number): DigestPost[] => recentPosts.all({ guildId, limit }),
    /** Weeks skipped for downtime since the last scheduled post that went out: the next digest names them. */
    skippedSinceLastPost: (guildId: string): string[] => skippedSince.all({ guildId }),
    /**
     * Records that a send is starting (a new row, or one more attempt of a failed or interrupted one) unless the period
     * was already posted or skipped. Returns the row as it now stands and whether this caller may send. One
     * transaction, so two callers cannot both start the same period.
     */
    beginPost: db.transaction(
      (post: { guildId: string; period: string; kind: DigestPost['kind']; channelId: string; scheduledAt: string }, now: Date): { begun: boolean; post: DigestPost } => {
        const existing = getPost.get(post);
        if (existing && (existing.status === 'sent' || existing.status === 'skipped')) return { begun: false, post: existing };
        beginPost.run({ ...post, now: now.toISOString() });
        return { begun: true, post: getPost.get(post)! };
      },
    ),
    /** Records how an attempt ended; `uncertain`: it may have reached Discord unseen (from then on, resends only within the nonce's trust). */
    finishPost: (
      guildId: string,
      period: string,
      outcome: { status: Exclude<DigestPostStatus, 'sending'>; reason?: string | null; messageId?: string | null; uncertain?: boolean },
      now: Date,
    ) =>
      void finishPost.run({
        guildId, period, status: outcome.status, reason: outcome.reason ?? null, messageId: outcome.messageId ?? null, uncertain: outcome.uncertain ? 1 : 0, now: now.toISOString(),
      }),
    /** Records a scheduled period that will not be posted (the bot was down too long); a period already recorded is left alone. */
    skipPeriod: (post: { guildId: string; period: string; channelId: string; scheduledAt: string; reason: string }, now: Date) =>
      void skipPost.run({ ...post, now: now.toISOString() }),
  };
}

export type DigestRepository = ReturnType<typeof digestRepository>;
