import { describe, expect, it } from 'vitest';
import { GuildQueue } from '../../../src/transports/discord/guild-queue.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('GuildQueue', () => {
  it('GIVEN work for one server THEN it runs one at a time, in order, and the waiting one hears how many are ahead', async () => {
    const queue = new GuildQueue();
    const order: string[] = [];
    let releaseFirst: () => void = () => {};
    const first = queue.run('A', () => new Promise<void>((resolve) => (releaseFirst = () => (order.push('first done'), resolve()))), async () => order.push('first waited'));
    const second = queue.run('A', async () => void order.push('second ran'), async (ahead) => void order.push(`second waits behind ${ahead}`));
    const third = queue.run('A', async () => void order.push('third ran'), async (ahead) => void order.push(`third waits behind ${ahead}`));
    await tick();
    expect(queue.length('A')).toBe(3);
    releaseFirst();
    await Promise.all([first, second, third]);
    expect(order).toEqual(['second waits behind 1', 'third waits behind 2', 'first done', 'second ran', 'third ran']);
    expect(queue.length('A')).toBe(0);
  });

  it('GIVEN work for another server THEN it does not wait', async () => {
    const queue = new GuildQueue();
    const blocked = queue.run('A', () => new Promise<void>(() => {}), async () => {});
    void blocked;
    const waited: number[] = [];
    await queue.run('B', async () => {}, async (ahead) => void waited.push(ahead));
    expect(waited).toEqual([]);
  });

  it('GIVEN work that fails THEN the next one still runs and the error reaches its caller', async () => {
    const queue = new GuildQueue();
    const failing = queue.run('A', async () => {
      throw new Error('import failed');
    }, async () => {});
    const next = queue.run('A', async () => 'ran', async () => {});
    await expect(failing).rejects.toThrow('import failed');
    await expect(next).resolves.toBe('ran');
  });
});
