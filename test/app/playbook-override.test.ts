import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseActionList, resetPlaybook, setPlaybookActions } from '../../src/app/segments/playbook-override.js';
import { segmentActions } from '../../src/app/segments/segment-actions.js';
import { temporaryApp } from '../helpers.js';

describe('parseActionList', () => {
  it('GIVEN actions with channels and timings THEN each is read with its channel, timing and words', () => {
    expect(parseActionList('WhatsApp: 20% voucher @ within 7 days; Email: remind them of past purchases\nsurvey')).toEqual({
      ok: true,
      actions: [
        { channel: 'whatsapp', timing: { en: 'within 7 days', id: 'within 7 days' }, action: { en: '20% voucher', id: '20% voucher' } },
        { channel: 'email', timing: { en: 'When it fits your calendar', id: 'Sesuai kalender Anda' }, action: { en: 'remind them of past purchases', id: 'remind them of past purchases' } },
        { channel: 'email', timing: { en: 'When it fits your calendar', id: 'Sesuai kalender Anda' }, action: { en: 'survey', id: 'survey' } },
      ],
    });
  });

  it('GIVEN an Indonesian channel name THEN it is recognised', () => {
    expect(parseActionList('Iklan media sosial: promo 12.12')).toMatchObject({ ok: true, actions: [{ channel: 'social_ads' }] });
  });

  it.each([
    ['', 'empty'],
    ['fax: send a fax', 'unknown_channel'],
    [`email: ${'x'.repeat(301)}`, 'too_long'],
    [Array.from({ length: 11 }, (_, i) => `a${i}`).join(';'), 'too_many'],
  ])('GIVEN %j THEN it is refused as %s', (text, problem) => {
    expect(parseActionList(text)).toMatchObject({ ok: false, code: 'invalid_actions', details: { problem } });
  });
});

describe('per-server playbook overrides', () => {
  let app: ReturnType<typeof temporaryApp>;
  beforeEach(() => {
    app = temporaryApp();
  });
  afterEach(() => app.cleanup());

  it('GIVEN an override in one server THEN that server reads it, another server keeps the bundled playbook, and reset restores it', () => {
    const bundled = segmentActions(app.db, 'guild-a', 'At Risk');
    expect(setPlaybookActions(app.db, 'guild-a', 'admin', 'at risk', 'whatsapp: call them; email: 25% voucher', new Date())).toMatchObject({ ok: true, segment: 'At Risk' });
    expect(segmentActions(app.db, 'guild-a', 'At Risk')).toMatchObject({ ok: true, actions: [{ channel: 'whatsapp' }, { channel: 'email' }] });
    expect(segmentActions(app.db, 'guild-b', 'At Risk')).toEqual(bundled);
    expect(resetPlaybook(app.db, 'guild-a', 'At Risk')).toMatchObject({ ok: true, reset: 1 });
    expect(segmentActions(app.db, 'guild-a', 'At Risk')).toEqual(bundled);
  });

  it('GIVEN an unknown segment THEN nothing is stored', () => {
    expect(setPlaybookActions(app.db, 'guild-a', 'admin', 'VIPs', 'email: hi', new Date())).toMatchObject({ ok: false, code: 'segment_not_found' });
    expect(app.db.prepare('SELECT count(*) FROM playbook_overrides').pluck().get()).toBe(0);
  });
});
