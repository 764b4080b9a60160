import { describe, expect, it } from 'vitest';
import { progressMessage, progressText } from '../../../src/transports/discord/progress-message.js';

describe('progressText', () => {
  it('GIVEN rows with a total THEN a 20-character bar, the percentage and the counts, in the locale', () => {
    expect(progressText({ stage: 'writing', done: 12_000, total: 30_000, unit: 'rows' }, 'en')).toBe('⏳ Saving `[########............]` 40% · 12,000/30,000 rows');
    expect(progressText({ stage: 'writing', done: 12_000, total: 30_000, unit: 'rows' }, 'id')).toBe('⏳ Menyimpan `[########............]` 40% · 12.000/30.000 baris');
  });

  it('GIVEN a download THEN it says downloading, a worker reading bytes says reading; GIVEN no total THEN only the count', () => {
    expect(progressText({ stage: 'reading', done: 5, total: 10, unit: 'bytes' }, 'en', true)).toMatch(/^⏳ Downloading `\[#{10}\.{10}\]` 50% · 5\/10 bytes$/);
    expect(progressText({ stage: 'reading', done: 5, total: 10, unit: 'bytes' }, 'id')).toMatch(/^⏳ Membaca `/);
    expect(progressText({ stage: 'parsing', done: 1_500, unit: 'rows' }, 'en')).toBe('⏳ Checking rows · 1,500 rows');
  });

  it('GIVEN more done than the total THEN the bar stops at 100%', () => {
    expect(progressText({ stage: 'segmenting', done: 7, total: 5, unit: 'steps' }, 'en')).toBe(`⏳ Segmenting \`[${'#'.repeat(20)}]\` 100% · 7/5 steps`);
  });
});

describe('progressMessage', () => {
  const event = (done: number) => ({ stage: 'writing' as const, done, total: 100, unit: 'rows' as const });

  it('GIVEN events every 500 ms THEN the first edits at once and then at most one edit per 2 s', async () => {
    let now = 0;
    const edits: string[] = [];
    const progress = progressMessage(async (text) => edits.push(text), 'en', { now: () => now });
    for (let t = 0; t <= 5_000; t += 500) {
      now = t;
      progress.listener(event(t / 50));
      await Promise.resolve();
      await Promise.resolve();
    }
    await progress.settle();
    expect(edits.map((text) => /(\d+)%/.exec(text)?.[1])).toEqual(['0', '40', '80']);
  });

  it('GIVEN a last event that came too soon THEN it is still shown once the interval is over', async () => {
    const edits: string[] = [];
    const progress = progressMessage(async (text) => edits.push(text), 'en', { intervalMs: 30 });
    progress.listener(event(10));
    progress.listener({ stage: 'segmenting', done: 0, unit: 'steps' });
    await new Promise((resolve) => setTimeout(resolve, 80));
    await progress.settle();
    expect(edits.map((text) => text.split(' ')[1])).toEqual(['Saving', 'Segmenting']);
  });

  it('GIVEN a pending event WHEN settled THEN it is never shown', async () => {
    const edits: string[] = [];
    const progress = progressMessage(async (text) => edits.push(text), 'en', { intervalMs: 30 });
    progress.listener(event(10));
    progress.listener(event(20));
    await progress.settle();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(edits).toHaveLength(1);
  });

  it('GIVEN an edit answered late THEN the next one waits the interval from the answer, not from the send', async () => {
    let now = 0;
    let release: () => void = () => {};
    const sentAt: number[] = [];
    const progress = progressMessage(
      () => {
        sentAt.push(now);
        return new Promise<void>((resolve) => (release = resolve));
      },
      'en',
      { now: () => now, intervalMs: 40 },
    );
    progress.listener(event(1));
    now = 32;
    release();
    await new Promise((resolve) => setImmediate(resolve));
    progress.listener(event(2));
    now = 45;
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(sentAt).toEqual([0]);
    now = 72;
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(sentAt).toEqual([0, 72]);
    release();
    await progress.settle();
  });

  it('GIVEN a download then the command\'s own events THEN they share one throttle and each is labelled', async () => {
    let now = 0;
    const edits: string[] = [];
    const progress = progressMessage(async (text) => edits.push(text), 'en', { now: () => now });
    progress.download({ stage: 'reading', done: 1, total: 2, unit: 'bytes' });
    // The download's edit is answered at t = 0: the interval runs from there.
    await new Promise((resolve) => setImmediate(resolve));
    progress.listener(event(10));
    now = 2_000;
    await Promise.resolve();
    progress.listener(event(20));
    await progress.settle();
    expect(edits.map((text) => text.split(' ')[1])).toEqual(['Downloading', 'Saving']);
  });

  it('GIVEN an edit still on its way THEN no second edit starts, and settle waits for it and stops later ones', async () => {
    let now = 0;
    let release: () => void = () => {};
    const started: number[] = [];
    const progress = progressMessage(
      (text) => {
        started.push(Number(/(\d+)%/.exec(text)?.[1]));
        return new Promise<void>((resolve) => (release = resolve));
      },
      'en',
      { now: () => now },
    );
    progress.listener(event(1));
    now = 10_000;
    progress.listener(event(2));
    let settled = false;
    const settling = progress.settle().then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    release();
    await settling;
    progress.listener(event(3));
    expect(started).toEqual([1]);
  });

  it('GIVEN an edit that fails THEN the error is reported and later edits still happen', async () => {
    let now = 0;
    const errors: unknown[] = [];
    let calls = 0;
    const progress = progressMessage(
      async () => {
        calls += 1;
        if (calls === 1) throw new Error('rate limited');
      },
      'en',
      { now: () => now, onError: (error) => errors.push(error) },
    );
    progress.listener(event(1));
    await new Promise((resolve) => setTimeout(resolve, 0));
    now = 2_000;
    progress.listener(event(2));
    await progress.settle();
    expect(errors).toHaveLength(1);
    expect(calls).toBe(2);
  });
});
