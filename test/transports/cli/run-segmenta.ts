import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { projectFile } from '../../helpers.js';

const run = promisify(execFile);

/** Runs the real `segmenta` executable; resolves with exit code and output instead of throwing. */
export async function segmenta(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [projectFile('bin/segmenta.js'), ...args], { env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
