import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config.js';

describe('configuration', () => {
  it('GIVEN no variables THEN the embedded defaults apply', () => {
    const result = parseConfig({});
    expect(result).toMatchObject({ ok: true, config: { DATABASE_PATH: 'data/segmenta.db', MAX_UPLOAD_MB: 50, CHART_RENDERER: 'local' } });
  });

  it('GIVEN empty strings THEN they count as unset, not as zero', () => {
    expect(parseConfig({ MAX_UPLOAD_MB: '', DISCORD_TOKEN: '  ' })).toMatchObject({ ok: true, config: { MAX_UPLOAD_MB: 50 } });
  });

  it('GIVEN bad values THEN every problem is listed by name', () => {
    const result = parseConfig({ MAX_UPLOAD_MB: 'ten', CHART_RENDERER: 'svg', DISCORD_CLIENT_ID: 'abc' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.join('\n')).toMatch(/MAX_UPLOAD_MB/);
    expect(result.problems.join('\n')).toMatch(/CHART_RENDERER/);
    expect(result.problems.join('\n')).toMatch(/DISCORD_CLIENT_ID/);
  });

  it('GIVEN the quickchart renderer without a server URL THEN it is refused', () => {
    expect(parseConfig({ CHART_RENDERER: 'quickchart' }).ok).toBe(false);
    expect(parseConfig({ CHART_RENDERER: 'quickchart', QUICKCHART_URL: 'http://127.0.0.1:3400' }).ok).toBe(true);
  });
});
