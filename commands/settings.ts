import { z } from 'zod';
import { readSettings, replyLocale, updateSettings, type WorkspaceSettings } from '../src/app/workspace/settings.js';
import type { Locale, Reply } from '../src/app/reply.js';
import { DEFAULT_DIGEST_TIMEZONE, isTimeZone } from '../src/app/digest/schedule-time.js';
import { defineCommand } from './command.js';

const currencyCode = z
  .string()
  .trim()
  .transform((code) => code.toUpperCase())
  .refine((code) => /^[A-Z]{3}$/.test(code) && Intl.supportedValuesOf('currency').includes(code), 'use a three-letter currency code such as IDR, GBP or USD')
  .optional();

const timeZone = z
  .string()
  .trim()
  .refine(isTimeZone, 'use an IANA time zone such as Asia/Jakarta, Asia/Makassar or Europe/Berlin / pakai zona waktu IANA seperti Asia/Jakarta')
  .optional();

function settingsReply(settings: WorkspaceSettings, changed: boolean, locale: Locale): Reply {
  const en = locale === 'en';
  const role = settings.readRoleId ? `<@&${settings.readRoleId}>` : en ? 'everyone (no role chosen)' : 'semua anggota (belum ada role)';
  const language = { auto: en ? "each member's Discord language" : 'bahasa Discord tiap anggota', en: 'English', id: 'Bahasa Indonesia' }[settings.language];
  const currency = settings.currency ?? (en ? 'none (plain numbers)' : 'tidak ada (angka saja)');
  const timezone = settings.timezone ?? (en ? `none chosen (the digest uses ${DEFAULT_DIGEST_TIMEZONE})` : `belum dipilih (ringkasan memakai ${DEFAULT_DIGEST_TIMEZONE})`);
  const lines = en
    ? [changed ? 'Settings saved.' : 'Settings of this server:', `Who may read results: Manage Server and ${role}`, `Language: ${language}`, `Currency: ${currency}`, `Time zone: ${timezone}`]
    : [changed ? 'Pengaturan disimpan.' : 'Pengaturan server ini:', `Yang boleh membaca hasil: Manage Server dan ${role}`, `Bahasa: ${language}`, `Mata uang: ${currency}`, `Zona waktu: ${timezone}`];
  return { ok: true, ephemeral: true, text: lines.join('\n'), data: settings };
}

export default defineCommand({
  path: ['settings'],
  description: { en: 'Who may read results, the reply language, currency and time zone of this server', id: 'Siapa yang boleh membaca hasil, bahasa balasan, mata uang, dan zona waktu server ini' },
  permission: 'manage',
  answersPrivately: true,
  options: [
    { name: 'role', type: 'role', description: { en: 'Role whose members may read results', id: 'Role yang anggotanya boleh membaca hasil' } },
    {
      name: 'language', type: 'string', choices: ['auto', 'en', 'id'],
      choiceLabels: {
        auto: { en: "Each member's Discord language", id: 'Bahasa Discord tiap anggota' },
        en: { en: 'English', id: 'Bahasa Inggris' },
        id: { en: 'Indonesian', id: 'Bahasa Indonesia' },
      },
      description: { en: "Reply language (auto: each member's own)", id: 'Bahasa balasan (auto: bahasa tiap anggota)' },
    },
    { name: 'currency', type: 'string', description: { en: 'Currency code for amounts, e.g. IDR or GBP', id: 'Kode mata uang untuk nilai, mis. IDR atau GBP' } },
    { name: 'timezone', type: 'string', description: { en: 'Time zone of the server, e.g. Asia/Makassar: the weekly digest\'s default', id: 'Zona waktu server, mis. Asia/Makassar: bawaan ringkasan mingguan' } },
  ],
  schema: z.object({
    role: z.string().trim().regex(/^\d+$/, 'a role id is digits').optional(),
    language: z.enum(['auto', 'en', 'id']).optional(),
    currency: currencyCode,
    timezone: timeZone,
  }),
  async run(ctx, input) {
    const change: Partial<WorkspaceSettings> = {
      ...(input.role !== undefined ? { readRoleId: input.role } : {}),
      ...(input.language !== undefined ? { language: input.language } : {}),
      ...(input.currency !== undefined ? { currency: input.currency } : {}),
      ...(input.timezone !== undefined ? { timezone: input.timezone } : {}),
    };
    if (Object.keys(change).length === 0) return settingsReply(readSettings(ctx.app.db, ctx.guildId), false, ctx.locale);
    const settings = updateSettings(ctx.app.db, ctx.guildId, ctx.userId, change, ctx.app.now());
    return settingsReply(settings, true, replyLocale(settings, ctx.locale));
  },
});
