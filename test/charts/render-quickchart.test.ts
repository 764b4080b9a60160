import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildChooseKChart } from '../../src/charts/choose-k.js';
import { buildQuickChartRequest, renderWithQuickChart } from '../../src/charts/render-quickchart.js';
import { startFakeQuickChart } from './fake-quickchart-server.js';
import { ONLINE_RETAIL_K_CANDIDATES } from './synthetic-customers.js';

const config = buildChooseKChart({ candidates: [...ONLINE_RETAIL_K_CANDIDATES], chosenK: 4 });

describe('buildQuickChartRequest', () => {
  it('GIVEN a self-hosted server THEN the request carries the config as JSON, Chart.js 4, 1000 × 560 on white', () => {
    const request = buildQuickChartRequest(config, 'http://quickchart.internal:3400');
    expect(request.getPostData()).toEqual({
      chart: JSON.stringify(config),
      width: 1000,
      height: 560,
      format: 'png',
      version: '4',
      backgroundColor: '#FFFFFF',
      devicePixelRatio: 1,
    });
    const url = new URL(request.getUrl());
    expect(url.origin).toBe('http://quickchart.internal:3400');
    expect(url.pathname).toBe('/chart');
    expect(JSON.parse(url.searchParams.get('c')!)).toEqual(config);
  });

  it('GIVEN a server under a path THEN requests go below that path', () => {
    const request = buildQuickChartRequest(config, 'https://tools.example.com/quickchart/', { width: 800, height: 450 });
    expect(request.getUrl()).toMatch(/^https:\/\/tools\.example\.com\/quickchart\/chart\?/);
    expect(request.getPostData()).toMatchObject({ width: 800, height: 450 });
  });

  it.each([
    ['not a url', /not a valid URL/],
    ['ftp://quickchart.internal', /http:\/\/ or https:\/\//],
    ['https://user:secret@quickchart.internal', /without credentials/],
    ['https://quickchart.internal/?key=1', /without credentials, query/],
  ])('GIVEN %s THEN it refuses to build a request', (baseUrl, message) => {
    expect(() => buildQuickChartRequest(config, baseUrl)).toThrow(message);
  });

  it('GIVEN a URL with credentials THEN the error does not repeat them', () => {
    expect(() => buildQuickChartRequest(config, 'https://user:secret@quickchart.internal')).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('secret') }),
    );
  });
});

describe('renderWithQuickChart', () => {
  const png = Buffer.from('89504e470d0a1a0a', 'hex');
  let server: Awaited<ReturnType<typeof startFakeQuickChart>>;
  beforeAll(async () => {
    server = await startFakeQuickChart(png);
  });
  afterAll(() => server.close());

  it('GIVEN a server on loopback THEN it posts the config to /chart and returns the PNG it answers', async () => {
    const result = await renderWithQuickChart(config, server.url);
    expect(result.equals(png)).toBe(true);
    expect(server.received).toHaveLength(1);
    expect(server.received[0]).toMatchObject({ method: 'POST', path: '/chart', body: { version: '4', width: 1000 } });
    expect(JSON.parse(server.received[0]!.body.chart as string)).toEqual(config);
  });
});
