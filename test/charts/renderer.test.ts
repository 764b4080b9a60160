import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSnakePlotChart } from '../../src/charts/snake-plot.js';
import { createRenderer, type RendererOptions } from '../../src/charts/renderer.js';
import { startFakeQuickChart } from './fake-quickchart-server.js';
import { hasPngSignature, pngSize } from './png.js';

const config = buildSnakePlotChart({ segments: [{ name: 'Champions', recency: -1, frequency: 1, monetary: 1 }] });

describe('createRenderer', () => {
  it("GIVEN kind 'local' THEN it renders a PNG in-process", async () => {
    const png = await createRenderer({ kind: 'local' }).render(config, { width: 500, height: 280 });
    expect(hasPngSignature(png)).toBe(true);
    expect(pngSize(png)).toEqual({ width: 500, height: 280 });
  });

  it("GIVEN kind 'quickchart' without a URL THEN it refuses instead of falling back to the public service", () => {
    expect(() => createRenderer({ kind: 'quickchart' })).toThrow(/quickchartUrl is required/);
  });

  it('GIVEN an unknown kind THEN it refuses', () => {
    expect(() => createRenderer({ kind: 'svg' } as unknown as RendererOptions)).toThrow(/unknown chart renderer kind: svg/);
  });

  describe("GIVEN kind 'quickchart' with a URL", () => {
    const png = Buffer.from('89504e470d0a1a0a', 'hex');
    let server: Awaited<ReturnType<typeof startFakeQuickChart>>;
    beforeAll(async () => {
      server = await startFakeQuickChart(png);
    });
    afterAll(() => server.close());

    it('THEN it renders through that server', async () => {
      const result = await createRenderer({ kind: 'quickchart', quickchartUrl: server.url }).render(config);
      expect(result.equals(png)).toBe(true);
      expect(server.received[0]!.body).toMatchObject({ width: 1000, height: 560 });
    });
  });
});
