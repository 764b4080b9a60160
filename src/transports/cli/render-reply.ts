import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Reply } from '../../app/reply.js';

/** Discord Markdown to terminal text: bold markers and escapes removed. */
export function plainText(markdown: string): string {
  return markdown.replace(/\*\*(.+?)\*\*/g, '$1').replace(/\\([\\*_~`|>#[\]])/g, '$1').replace(/@\u200b/g, '@');
}

/** Prints a reply for a terminal (or its data as JSON) and writes its files under outDir. Returns the paths written. */
export function renderReply(reply: Reply, options: { json: boolean; outDir: string; stdout?: NodeJS.WritableStream }): string[] {
  const stdout = options.stdout ?? process.stdout;
  const written: string[] = [];
  if (reply.files?.length) {
    // `export Champions --out champions.csv` names the file itself rather than a folder for it.
    const outIsFile = reply.files.length === 1 && /\.csv$/i.test(options.outDir);
    for (const file of reply.files) {
      const path = resolve(outIsFile ? options.outDir : join(options.outDir, file.name));
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.data);
      written.push(path);
    }
  }
  if (options.json) {
    const data = reply.data ?? { text: reply.text };
    stdout.write(`${JSON.stringify(written.length ? { ...(data as object), files: written } : data, null, 2)}\n`);
    return written;
  }
  const sections = [plainText(reply.text)];
  for (const embed of reply.embeds ?? []) {
    sections.push(
      [embed.title && plainText(embed.title), embed.description && plainText(embed.description), ...(embed.fields ?? []).map((f) => `${plainText(f.name)}: ${plainText(f.value)}`), embed.footer]
        .filter(Boolean)
        .join('\n'),
    );
  }
  if (written.length) sections.push(`Files:\n${written.map((p) => `  ${p}`).join('\n')}`);
  stdout.write(`${sections.filter(Boolean).join('\n\n')}\n`);
  return written;
}
