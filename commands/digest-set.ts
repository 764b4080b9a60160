import { z } from 'zod';
import { datasetNames } from '../src/app/workspace/datasets.js';
import { scheduleSetReply, WEEKDAY_NAMES, withPauseNotice } from '../src/app/digest/schedule-replies.js';
import { digestStatus, setDigestSchedule } from '../src/app/digest/schedule-settings.js';
import { DEFAULT_DIGEST_TIMEZONE, isTimeZone, parseTimeOfDay, weekdayNumber, WEEKDAYS } from '../src/app/digest/schedule-time.js';
import { namesMatching } from '../src/app/segments/segment-names.js';
import { readSettings } from '../src/app/workspace/settings.js';
import { defineCommand } from './command.js';
import { datasetName } from './schemas.js';

const timeOfDay = z
  .string()
  .trim()
  .refine((text) => parseTimeOfDay(text) !== null, 'use a 24-hour time such as 09:00 or 17:30 / pakai jam 24 jam seperti 09:00 atau 17:30')
  .transform((text) => {
    const { hours, minutes } = parseTimeOfDay(text)!;
    return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
  });

const timeZone = z
  .string()
  .trim()
  .refine(isTimeZone, 'use an IANA time zone such as Asia/Jakarta, Asia/Makassar or Europe/Berlin / pakai zona waktu IANA seperti Asia/Jakarta')
  .optional();

export default defineCommand({
  path: ['digest', 'set'],
  description: { en: 'Post a weekly digest of what changed in a channel, on a day and time', id: 'Kirim ringkasan mingguan perubahan ke saluran, pada hari dan jam tertentu' },
  permission: 'manage',
  answersPrivately: true,
  options: [
    { name: 'channel', type: 'channel', required: true, description: { en: 'Channel to post the digest in', id: 'Saluran tempat ringkasan dikirim' } },
    {
      name: 'day', type: 'string', required: true, choices: WEEKDAYS,
      choiceLabels: Object.fromEntries(WEEKDAYS.map((day, index) => [day, { en: WEEKDAY_NAMES.en[index]!, id: WEEKDAY_NAMES.id[index]! }])),
      description: { en: 'Day of the week', id: 'Hari dalam seminggu' },
    },
    { name: 'time', type: 'string', required: true, description: { en: 'Time of day, 24-hour, e.g. 09:00', id: 'Jam, format 24 jam, mis. 09:00' } },
    { name: 'timezone', type: 'string', autocomplete: true, description: { en: `Time zone, e.g. Asia/Makassar (default: the server's, else ${DEFAULT_DIGEST_TIMEZONE})`, id: `Zona waktu, mis. Asia/Makassar (bawaan: milik server, atau ${DEFAULT_DIGEST_TIMEZONE})` } },
    { name: 'dataset', type: 'string', autocomplete: true, description: { en: 'Dataset to report on (default: the latest upload)', id: 'Dataset yang dilaporkan (bawaan: unggahan terbaru)' } },
  ],
  schema: z.object({
    channel: z.string().trim().regex(/^\d+$/, 'a channel id is digits / id saluran berupa angka'),
    day: z.enum(WEEKDAYS),
    time: timeOfDay,
    timezone: timeZone,
    dataset: datasetName,
  }),
  autocomplete: (ctx, option, typed) =>
    option === 'timezone'
      ? Intl.supportedValuesOf('timeZone').filter((zone) => zone.toLowerCase().includes(typed.trim().toLowerCase())).slice(0, 25)
      : namesMatching(typed, datasetNames(ctx.app, ctx.guildId)),
  async run(ctx, input) {
    const outcome = await setDigestSchedule(ctx.app, {
      guildId: ctx.guildId, userId: ctx.userId, channelId: input.channel, weekday: weekdayNumber(input.day), time: input.time,
      // Else the server's own (/settings timezone), else Jakarta: Segmenta's teams are mostly in Indonesia.
      timezone: input.timezone ?? readSettings(ctx.app.db, ctx.guildId).timezone ?? DEFAULT_DIGEST_TIMEZONE,
      ...(input.dataset !== undefined ? { dataset: input.dataset } : {}),
    });
    const reply = scheduleSetReply(outcome, input.channel, ctx.locale);
    // A refused change leaves a paused schedule paused: the admin hears why it stopped too.
    return outcome.ok ? reply : withPauseNotice(reply, digestStatus(ctx.app, ctx.guildId).schedule, ctx.locale);
  },
});
