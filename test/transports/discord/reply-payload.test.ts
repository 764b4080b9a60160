import { describe, expect, it } from 'vitest';
import type { Reply } from '../../../src/app/reply.js';
import { clipText, LIMITS, replyPayload } from '../../../src/transports/discord/reply-payload.js';

const reply = (overrides: Partial<Reply>): Reply => ({ ok: true, text: 'ok', ...overrides });

describe('clipText', () => {
  it('GIVEN text within the limit THEN it is unchanged', () => {
    expect(clipText('abc', 3)).toBe('abc');
  });

  it('GIVEN text over the limit THEN it is cut to the limit with an ellipsis, at a line break near the end when there is one', () => {
    expect(clipText('abcdef', 4)).toBe('abc…');
    const lines = `${'x'.repeat(95)}\n${'y'.repeat(20)}`;
    expect(clipText(lines, 100)).toBe(`${'x'.repeat(95)}…`);
  });
});

describe('replyPayload', () => {
  it('GIVEN a plain reply THEN content and no mentions, nothing else', () => {
    const payload = replyPayload(reply({ text: 'Hello @everyone' }));
    expect(payload).toMatchObject({ content: 'Hello @everyone', embeds: [], files: [], allowedMentions: { parse: [] } });
  });

  it('GIVEN text over 2,000 characters THEN the content is cut and the full text is attached as reply.txt', () => {
    const text = 'line\n'.repeat(1_000);
    const payload = replyPayload(reply({ text }));
    expect(payload.content.length).toBeLessThanOrEqual(LIMITS.content);
    expect(payload.content.endsWith('…')).toBe(true);
    expect(payload.files.map((file) => file.name)).toEqual(['reply.txt']);
    expect((payload.files[0]!.attachment as Buffer).toString('utf8')).toBe(text);
  });

  it('GIVEN an embed image naming an attached file THEN it points at attachment://name; a name without a file is dropped', () => {
    const png = { name: 'sizes.png', data: Buffer.from([0x89, 0x50]), contentType: 'image/png' as const, description: 'Segment sizes' };
    const payload = replyPayload(reply({ embeds: [{ title: 'A', image: 'sizes.png' }, { title: 'B', image: 'other.png' }], files: [png] }));
    expect(payload.embeds).toEqual([{ title: 'A', image: { url: 'attachment://sizes.png' } }, { title: 'B' }]);
    expect(payload.files[0]).toMatchObject({ name: 'sizes.png', description: 'Segment sizes' });
  });

  it('GIVEN oversized embed parts THEN each is clipped to its limit and empty field parts are filled', () => {
    const [embed] = replyPayload(
      reply({ embeds: [{ title: 't'.repeat(300), description: 'd'.repeat(1_000), footer: 'f'.repeat(3_000), fields: Array.from({ length: 30 }, () => ({ name: '', value: 'v'.repeat(2_000) })) }] }),
    ).embeds;
    expect(embed!.title).toHaveLength(LIMITS.title);
    expect(embed!.footer!.text).toHaveLength(LIMITS.footer);
    expect(embed!.description).toHaveLength(1_000);
    // 256 + 2,048 + 1,000 leave room for two fields of 1 + 1,024 characters within 6,000.
    expect(embed!.fields).toEqual([0, 1].map(() => ({ name: '\u200b', value: `${'v'.repeat(1_023)}…`, inline: false })));
  });

  it('GIVEN a single embed over 6,000 characters without fields THEN its description is shortened, not the embed dropped', () => {
    const [embed] = replyPayload(reply({ embeds: [{ title: 't'.repeat(300), description: 'd'.repeat(5_000), footer: 'f'.repeat(3_000) }] })).embeds;
    expect(embed!.description).toHaveLength(6_000 - LIMITS.title - LIMITS.footer);
  });

  it('GIVEN an embed with more than 25 fields THEN 25 are kept', () => {
    const [embed] = replyPayload(reply({ embeds: [{ fields: Array.from({ length: 30 }, (_, i) => ({ name: `F${i}`, value: 'v' })) }] })).embeds;
    expect(embed!.fields).toHaveLength(LIMITS.fields);
  });

  it('GIVEN more embeds than fit THEN at most 10, and together at most 6,000 characters', () => {
    const many = replyPayload(reply({ embeds: Array.from({ length: 12 }, (_, i) => ({ title: `E${i}` })) }));
    expect(many.embeds).toHaveLength(10);
    const heavy = replyPayload(reply({ embeds: Array.from({ length: 5 }, () => ({ description: 'd'.repeat(2_500) })) }));
    expect(heavy.embeds).toHaveLength(2);
  });

  it('GIVEN more than 10 files THEN the first 10 are sent', () => {
    const files = Array.from({ length: 12 }, (_, i) => ({ name: `f${i}.csv`, data: Buffer.from('a'), contentType: 'text/csv' as const }));
    expect(replyPayload(reply({ files })).files.map((file) => file.name)).toEqual(files.slice(0, 10).map((file) => file.name));
  });

  it('GIVEN files over the server\'s upload limit THEN those that fit are sent, in order, and the text says how many were left out', () => {
    const file = (name: string, size: number) => ({ name, data: Buffer.alloc(size), contentType: 'image/png' as const });
    const payload = replyPayload(
      reply({ text: 'Segments', embeds: [{ image: 'a.png' }, { image: 'b.png' }, { image: 'c.png' }], files: [file('a.png', 600), file('b.png', 600), file('c.png', 300)] }),
      { uploadLimitBytes: 1_000, locale: 'en' },
    );
    expect(payload.files.map((f) => f.name)).toEqual(['a.png', 'c.png']);
    expect(payload.embeds).toEqual([{ image: { url: 'attachment://a.png' } }, {}, { image: { url: 'attachment://c.png' } }]);
    expect(payload.content).toBe('Segments\n(1 file was left out: over what this server lets the bot upload in one message.)');
  });

  it('GIVEN a long text and a note THEN both fit in 2,000 characters', () => {
    const payload = replyPayload(reply({ text: 'x'.repeat(3_000), files: [{ name: 'big.csv', data: Buffer.alloc(5_000), contentType: 'text/csv' }] }), { uploadLimitBytes: 4_000, locale: 'id' });
    expect(payload.content.length).toBeLessThanOrEqual(LIMITS.content);
    expect(payload.content).toMatch(/\(1 file tidak disertakan/);
    expect(payload.files.map((f) => f.name)).toEqual(['reply.txt']);
  });

  it('GIVEN an empty reply THEN the content is a zero-width space, since Discord refuses an empty message', () => {
    expect(replyPayload(reply({ text: '' })).content).toBe('\u200b');
  });
});
