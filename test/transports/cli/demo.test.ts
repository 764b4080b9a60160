import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runDemo } from '../../../src/transports/cli/demo.js';
import { hasPngSignature } from '../../charts/png.js';

describe('npm run demo', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'segmenta-demo-'));
  afterEach(() => rmSync(outDir, { recursive: true, force: true }));

  it('GIVEN the bundled sample THEN it imports, segments, shows a card and the weekly digest, and writes their charts', async () => {
    const printed: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      printed.push(String(chunk));
      return true;
    });
    try {
      expect(await runDemo({ json: false, outDir })).toBe(0);
    } finally {
      write.mockRestore();
    }
    const output = printed.join('');
    expect(output).toMatch(/Customer card/);
    expect(output).toMatch(/Weekly digest of sample/);
    expect(output).toMatch(/nothing to compare yet/);
    for (const chart of ['segment-sizes.png', 'weekly-revenue.png']) {
      expect(existsSync(join(outDir, chart)), chart).toBe(true);
      expect(hasPngSignature(readFileSync(join(outDir, chart)))).toBe(true);
    }
  });
});
