import { describe, expect, it } from 'vitest';
import { allowedAttachmentOrigins, checkAttachment, type DownloadPolicy } from '../../../src/transports/discord/attachment-download.js';

const policy: DownloadPolicy = { allowedOrigins: allowedAttachmentOrigins('https://discord.com/api'), maxBytes: 1_000, timeoutMs: 1_000 };
const ref = (url: string, size = 10) => ({ url, name: 'orders.csv', size });

describe('allowedAttachmentOrigins', () => {
  it('GIVEN the default API URL THEN only Discord\'s two CDN hosts over https', () => {
    expect(allowedAttachmentOrigins('https://discord.com/api')).toEqual(['https://cdn.discordapp.com', 'https://media.discordapp.net']);
    expect(allowedAttachmentOrigins('https://discord.com/api/')).toHaveLength(2);
  });

  it('GIVEN a DISCORD_API_URL that was set THEN its origin is added, nothing more of it', () => {
    expect(allowedAttachmentOrigins('http://127.0.0.1:5050/api')).toEqual(['https://cdn.discordapp.com', 'https://media.discordapp.net', 'http://127.0.0.1:5050']);
  });
});

describe('checkAttachment', () => {
  it('GIVEN Discord CDN URLs over https THEN they pass', () => {
    expect(checkAttachment(ref('https://cdn.discordapp.com/ephemeral-attachments/1/2/orders.csv?ex=1'), policy)).toBeUndefined();
    expect(checkAttachment(ref('https://media.discordapp.net/attachments/1/2/orders.csv'), policy)).toBeUndefined();
  });

  it.each([
    ['plain http', 'http://cdn.discordapp.com/attachments/1/2/orders.csv'],
    ['another port', 'https://cdn.discordapp.com:8443/attachments/1/2/orders.csv'],
    ['a look-alike host', 'https://cdn.discordapp.com.evil.example/orders.csv'],
    ['a sub-domain', 'https://x.cdn.discordapp.com/orders.csv'],
    ['the metadata address', 'http://169.254.169.254/latest/meta-data/'],
    ['loopback', 'http://127.0.0.1:5050/cdn/orders.csv'],
    ['a file URL', 'file:///etc/passwd'],
    ['no URL at all', 'not a url'],
  ])('GIVEN %s THEN it is refused before any request', (_, url) => {
    expect(checkAttachment(ref(url), policy)).toEqual({ code: 'host_not_allowed' });
  });

  it('GIVEN a declared size over the limit THEN it is refused with both sizes', () => {
    expect(checkAttachment(ref('https://cdn.discordapp.com/a/b/c.csv', 1_001), policy)).toEqual({ code: 'too_large', sizeBytes: 1_001, limitBytes: 1_000 });
    expect(checkAttachment(ref('https://cdn.discordapp.com/a/b/c.csv', 1_000), policy)).toBeUndefined();
  });
});
