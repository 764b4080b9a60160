import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { GRID_SEGMENTS } from '../../src/segment/grid.js';
import { CLUSTER_SEGMENTS } from '../../src/segment/naming.js';
import { actionsFor, parsePlaybook, SEGMENT_NAMES, type Playbook } from '../../src/segment/playbook.js';
import { RETURNED_EVERYTHING } from '../../src/segment/returned-everything.js';

const raw: unknown = JSON.parse(readFileSync(new URL('../../data/playbook.json', import.meta.url), 'utf8'));
let playbook: Playbook;

beforeAll(() => {
  const parsed = parsePlaybook(raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.details));
  playbook = parsed.playbook;
});

describe('data/playbook.json', () => {
  it('GIVEN every segment name grid.ts and naming.ts can produce, and the returned-everything group, THEN it has at least three actions in English and Indonesian', () => {
    const names = new Set<string>([...GRID_SEGMENTS, ...CLUSTER_SEGMENTS, RETURNED_EVERYTHING]);
    expect(new Set(SEGMENT_NAMES)).toEqual(names);
    for (const name of SEGMENT_NAMES) {
      const actions = actionsFor(name, playbook);
      expect(actions.length, name).toBeGreaterThanOrEqual(3);
      for (const action of actions) {
        expect(action.action.en.length, name).toBeGreaterThan(10);
        expect(action.action.id.length, name).toBeGreaterThan(10);
        expect(action.timing.en.length, name).toBeGreaterThan(3);
        expect(action.timing.id.length, name).toBeGreaterThan(3);
        expect(action.action.id, `${name} is translated`).not.toBe(action.action.en);
        expect(playbook.channels[action.channel], name).toBeDefined();
      }
    }
  });

  it('GIVEN customers who returned everything THEN their playbook is service, not a win-back offer', () => {
    const actions = actionsFor(RETURNED_EVERYTHING, playbook);
    expect(actions.map((action) => action.action.en).join(' ')).toMatch(/service follow-up/i);
    expect(actions.map((action) => action.action.en).join(' ')).toMatch(/why they returned/i);
    expect(actions.some((action) => /voucher|% off/i.test(action.action.en))).toBe(false);
  });

  it('GIVEN an override for a segment THEN actionsFor returns it and leaves the others alone', () => {
    const custom = [{ channel: 'sms' as const, timing: { en: 'Today', id: 'Hari ini' }, action: { en: 'Call them all', id: 'Telepon semuanya' } }];
    expect(actionsFor('At Risk', playbook, { 'At Risk': custom })).toBe(custom);
    expect(actionsFor('Champions', playbook, { 'At Risk': custom })).toBe(playbook.segments.Champions);
  });
});

describe('parsePlaybook', () => {
  it('GIVEN a playbook missing a segment or with only two actions THEN it returns a code with each issue', () => {
    const broken = structuredClone(raw) as { segments: Record<string, unknown[]> };
    delete broken.segments['Hibernating'];
    broken.segments['Champions'] = broken.segments['Champions']!.slice(0, 2);
    const parsed = parsePlaybook(broken);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.code).toBe('invalid_playbook');
    const paths = parsed.details.issues.map((issue) => issue.path);
    expect(paths).toContain('segments.Hibernating');
    expect(paths).toContain('segments.Champions');
  });

  it('GIVEN an unknown channel or an empty translation THEN it is refused', () => {
    const broken = structuredClone(raw) as { segments: Record<string, { channel: string; action: { id: string } }[]> };
    broken.segments['At Risk']![0]!.channel = 'carrier pigeon';
    broken.segments['New Customers']![1]!.action.id = '  ';
    const parsed = parsePlaybook(broken);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.details.issues.map((issue) => issue.path).sort()).toEqual(['segments.At Risk.0.channel', 'segments.New Customers.1.action.id']);
  });
});
