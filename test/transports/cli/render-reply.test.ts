import { PassThrough } from 'node:stream';
import { WriteStream } from 'node:tty';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { escapeMarkdown } from '../../../src/app/format.js';
import type { Reply } from '../../../src/app/reply.js';
import { renderReply, showsStyles, terminalText } from '../../../src/transports/cli/render-reply.js';

const BOLD = (text: string) => `\u001b[1m${text}\u001b[22m`;
const ITALIC = (text: string) => `\u001b[3m${text}\u001b[23m`;

/** A stream that says it is a terminal with colours, as a TTY stdout does. */
const terminal = () => Object.assign(new PassThrough(), { isTTY: true, hasColors: () => true });
const printed = (reply: Reply, stream: PassThrough, json = false) => {
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  renderReply(reply, { json, outDir: 'out', stdout: stream });
  return Buffer.concat(chunks).toString('utf8');
};

const card: Reply = {
  ok: true,
  text: '',
  embeds: [{ title: 'Customer 13501', fields: [{ name: 'Segment', value: '**Hibernating** (#6)\nTypical Hibernating customer: _last bought 212 days ago_' }] }],
};

describe('terminalText', () => {
  it('GIVEN Discord Markdown and no styles THEN bold and italic markers are gone and the words stay', () => {
    expect(terminalText('**Do next:** Email\n_last bought 212 days ago vs 57 days_', false)).toBe('Do next: Email\nlast bought 212 days ago vs 57 days');
    expect(terminalText('*starred* and 2 * 3', false)).toBe('starred and 2 * 3');
  });

  it('GIVEN styles THEN bold and italic are ANSI bold and italic, each closed on its own', () => {
    expect(terminalText('**Do next:** Email\n_last bought_', true)).toBe(`${BOLD('Do next:')} Email\n${ITALIC('last bought')}`);
    expect(terminalText('**_both_**', true)).toBe(BOLD(ITALIC('both')));
  });

  it('GIVEN user data escaped by escapeMarkdown THEN it prints as typed, never as a style', () => {
    const typed = '_sale_ **50%** @everyone C:\\temp';
    expect(terminalText(`**${escapeMarkdown(typed)}**`, false)).toBe(typed);
    expect(terminalText(`**${escapeMarkdown('star*')}**`, true)).toBe(BOLD('star*'));
  });

  it('GIVEN underscores inside words and code THEN they are not italics', () => {
    const help = 'Member_number, Order Date) or chosen with `customer_column:`, `date_column:` and friends';
    expect(terminalText(help, true)).toBe(help);
    expect(terminalText('```\nInvoiceNo,Customer_ID\n**x**\n```', true)).toBe('```\nInvoiceNo,Customer_ID\n**x**\n```');
  });
});

describe('renderReply', () => {
  it('GIVEN a terminal THEN the card is styled; GIVEN a pipe THEN it is plain text', () => {
    expect(printed(card, terminal())).toBe(`Customer 13501\nSegment: ${BOLD('Hibernating')} (#6)\nTypical Hibernating customer: ${ITALIC('last bought 212 days ago')}\n`);
    expect(printed(card, new PassThrough())).toBe('Customer 13501\nSegment: Hibernating (#6)\nTypical Hibernating customer: last bought 212 days ago\n');
  });

  it('GIVEN --json THEN the data is printed as it is, with no styles', () => {
    expect(printed({ ...card, data: { segment: '**x**' } }, terminal(), true)).toBe('{\n  "segment": "**x**"\n}\n');
  });
});

describe('showsStyles', () => {
  // A terminal stream without a file descriptor: Node's own colour checks, on the environment the test sets.
  const tty = () => Object.assign(Object.create(WriteStream.prototype) as WriteStream, { isTTY: true });
  afterEach(() => vi.unstubAllEnvs());

  it('GIVEN a colour terminal THEN styles show; GIVEN NO_COLOR or TERM=dumb THEN they do not', () => {
    vi.stubEnv('FORCE_COLOR', undefined);
    vi.stubEnv('NODE_DISABLE_COLORS', undefined);
    vi.stubEnv('NO_COLOR', undefined);
    // Node reads a CI variable as a terminal without colours unless it names a known CI service; CI sets CI=true.
    vi.stubEnv('CI', undefined);
    vi.stubEnv('TERM', 'xterm-256color');
    expect(showsStyles(tty())).toBe(true);
    vi.stubEnv('NO_COLOR', '1');
    expect(showsStyles(tty())).toBe(false);
    vi.stubEnv('NO_COLOR', undefined);
    vi.stubEnv('TERM', 'dumb');
    expect(showsStyles(tty())).toBe(false);
  });

  it('GIVEN a pipe or a file THEN no styles', () => {
    expect(showsStyles(new PassThrough())).toBe(false);
  });
});
