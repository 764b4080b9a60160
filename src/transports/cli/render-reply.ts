import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Reply } from '../../app/reply.js';

// An escaped character (`\_` from escapeMarkdown) stands in for itself: a private-use mark keeps it from being read
// as a marker until the styles are in place.
const ESCAPED = '\uE000';
const ESCAPE = /\\([\\*_~`|>#[\]])/g;
const BOLD = /(?<!\uE000)\*\*(.+?)(?<!\uE000)\*\*/g;
// Discord's italic: `_` not inside a word, text that does not start with a space, an unescaped closing `_` not followed
// by a letter or digit; so "Member_number" or "customer_column" stay as they are. `*text*` likewise.
const ITALIC = /(?<![\p{L}\p{N}\uE000])_(?=\S)((?:\uE000.|[^_\n\uE000])+?)_(?![\p{L}\p{N}])|(?<![*\uE000])\*(?=[^\s*])((?:\uE000.|[^*\n\uE000])+?)\*(?!\*)/gu;
// Code (```…``` blocks, `…` spans) is shown as written: Discord does not format inside it either.
const CODE = /(```[\s\S]*?```|`[^`\n]+`)/;

/** ANSI select graphic rendition: bold and italic, each ended without ending the other. */
const STYLES = { bold: ['\u001b[1m', '\u001b[22m'], italic: ['\u001b[3m', '\u001b[23m'] } as const;

/**
 * Discord Markdown as terminal text: **bold** and _italic_ as ANSI styles when `styled`, else their markers removed;
 * escapes and the zero-width space after a mention-breaking `@` removed either way. O(n).
 */
export function terminalText(markdown: string, styled: boolean): string {
  const style = (kind: keyof typeof STYLES, text: string) => (styled ? `${STYLES[kind][0]}${text}${STYLES[kind][1]}` : text);
  // Italic first: an ANSI code ends in a letter, which would hide an `_` right after it.
  return markdown
    .split(CODE)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .replace(ESCAPE, `${ESCAPED}$1`)
            .replace(ITALIC, (_match, underscored: string | undefined, starred: string | undefined) => style('italic', underscored ?? starred ?? ''))
            .replace(BOLD, (_match, text: string) => style('bold', text))
            .replaceAll(ESCAPED, ''),
    )
    .join('')
    .replace(/@\u200b/g, '@');
}

/**
 * Whether a stream shows styles: a terminal with colours, so not a pipe or a file, nor with NO_COLOR,
 * NODE_DISABLE_COLORS or TERM=dumb set (Node's `hasColors` reads them; FORCE_COLOR turns styles on).
 */
export function showsStyles(stream: NodeJS.WritableStream): boolean {
  const tty = stream as Partial<NodeJS.WriteStream>;
  return tty.isTTY === true && typeof tty.hasColors === 'function' && tty.hasColors();
}

/**
 * Prints a reply for a terminal, styled when stdout shows styles (or its data as JSON), and writes its files under
 * outDir. Returns the paths written.
 */
export function renderReply(reply: Reply, options: { json: boolean; outDir: string; stdout?: NodeJS.WritableStream }): string[] {
  const stdout = options.stdout ?? process.stdout;
  const styled = showsStyles(stdout);
  const shown = (markdown: string) => terminalText(markdown, styled);
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
  const sections = [shown(reply.text)];
  for (const embed of reply.embeds ?? []) {
    sections.push(
      [embed.title && shown(embed.title), embed.description && shown(embed.description), ...(embed.fields ?? []).map((f) => `${shown(f.name)}: ${shown(f.value)}`), embed.footer]
        .filter(Boolean)
        .join('\n'),
    );
  }
  if (written.length) sections.push(`Files:\n${written.map((p) => `  ${p}`).join('\n')}`);
  stdout.write(`${sections.filter(Boolean).join('\n\n')}\n`);
  return written;
}
