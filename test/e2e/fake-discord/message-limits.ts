import { MessageFlags, type APIEmbed } from 'discord.js';
import { checkCount, checkLength, FormProblems } from './form-problems.js';

/** The parts of a message body the fake reads; Discord accepts more and so does the fake, unchecked. */
export interface MessageBody {
  content?: string;
  embeds?: APIEmbed[];
  components?: unknown[];
  attachments?: { id: string | number; filename?: string; description?: string }[];
  flags?: number;
  /** Up to 25 characters; with `enforce_nonce`, a repeat from the same author within minutes returns the first message. */
  nonce?: string | number;
  enforce_nonce?: boolean;
}

/** Discord's documented message limits (content, embeds, components, files). */
export function messageProblems(body: MessageBody, fileCount: number): FormProblems {
  const problems = new FormProblems();
  checkLength(problems, ['content'], body.content, 2000);
  if (typeof body.nonce === 'string') checkLength(problems, ['nonce'], body.nonce, 25);
  checkCount(problems, ['embeds'], body.embeds, 10);
  checkEmbeds(problems, body.embeds ?? []);
  checkComponents(problems, body);
  if (fileCount > 10) problems.add(['files'], 'BASE_TYPE_MAX_LENGTH', 'Must be 10 or fewer in length.');
  return problems;
}

function checkEmbeds(problems: FormProblems, embeds: APIEmbed[]): void {
  let total = 0;
  for (const [index, embed] of embeds.entries()) {
    const at = (...path: (string | number)[]) => ['embeds', index, ...path];
    checkLength(problems, at('title'), embed.title, 256);
    checkLength(problems, at('description'), embed.description, 4096);
    checkLength(problems, at('footer', 'text'), embed.footer?.text, 2048);
    checkLength(problems, at('author', 'name'), embed.author?.name, 256);
    checkCount(problems, at('fields'), embed.fields, 25);
    for (const [fieldIndex, field] of (embed.fields ?? []).entries()) {
      checkLength(problems, at('fields', fieldIndex, 'name'), field.name, 256, 1);
      checkLength(problems, at('fields', fieldIndex, 'value'), field.value, 1024, 1);
      total += field.name.length + field.value.length;
    }
    total += (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
    total += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  }
  if (total > 6000) problems.add(['embeds'], 'MAX_EMBED_SIZE_EXCEEDED', 'Embed size exceeds maximum size of 6000');
}

type Component = { type?: number; custom_id?: string; label?: string; components?: Component[] };

function checkComponents(problems: FormProblems, body: MessageBody): void {
  const rows = (body.components ?? []) as Component[];
  const componentsV2 = ((body.flags ?? 0) & MessageFlags.IsComponentsV2) !== 0;
  if (!componentsV2) {
    checkCount(problems, ['components'], rows, 5);
    for (const [index, row] of rows.entries()) checkCount(problems, ['components', index, 'components'], row.components, 5);
  }
  const visit = (component: Component, path: (string | number)[]) => {
    checkLength(problems, [...path, 'custom_id'], component.custom_id, 100, 1);
    checkLength(problems, [...path, 'label'], component.label, 80);
    for (const [index, child] of (component.components ?? []).entries()) visit(child, [...path, 'components', index]);
  };
  for (const [index, row] of rows.entries()) visit(row, ['components', index]);
}

/** Autocomplete answers: at most 25 choices, names of 1-100 characters, string values of at most 100. */
export function autocompleteProblems(choices: { name?: string; value?: unknown }[] | undefined): FormProblems {
  const problems = new FormProblems();
  checkCount(problems, ['choices'], choices, 25);
  for (const [index, choice] of (choices ?? []).entries()) {
    checkLength(problems, ['choices', index, 'name'], choice.name, 100, 1);
    checkLength(problems, ['choices', index, 'value'], choice.value, 100);
  }
  return problems;
}

/** Modals: a title of at most 45 characters, a custom id, one to five rows. */
export function modalProblems(modal: { title?: string; custom_id?: string; components?: unknown[] }): FormProblems {
  const problems = new FormProblems();
  checkLength(problems, ['title'], modal.title ?? '', 45, 1);
  checkLength(problems, ['custom_id'], modal.custom_id ?? '', 100, 1);
  checkCount(problems, ['components'], modal.components ?? [], 5, 1);
  return problems;
}
