// The bundle cache's freshness check (src/worker-boot/bundle-cache.ts, freshBundle) in plain JavaScript, so an
// executable can find its bundle before any TypeScript loader is registered. test/bin/fresh-bundle.test.ts checks
// that both answer alike.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('../', import.meta.url));
const cacheRoot = join(projectRoot, 'node_modules/.cache/segmenta/workers');

function readIfPresent(path) {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** bundle-cache.ts's bundleKey: one hash over every input's path and bytes, in path order. */
function bundleKey(paths) {
  const hash = createHash('sha256');
  for (const path of [...paths].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    const bytes = readIfPresent(path);
    hash.update(`${path}\0${bytes?.byteLength ?? -1}\0`);
    if (bytes) hash.update(bytes);
  }
  return hash.digest('hex').slice(0, 24);
}

/**
 * The path of the bundle of `entryPath` built from the current contents of every file it was built from, or
 * undefined when there is none or it is stale. Reads every input (about 270 files for the CLI: 10-20 ms).
 *
 * @param {string} entryPath - absolute path of the bundled entry module
 * @returns {string | undefined}
 */
export function freshBundle(entryPath) {
  const slot = join(cacheRoot, `${basename(entryPath).replace(/\.[^.]+$/, '')}-${createHash('sha256').update(entryPath).digest('hex').slice(0, 12)}`);
  try {
    const manifest = JSON.parse(readFileSync(join(slot, 'manifest.json'), 'utf8'));
    if (bundleKey(manifest.inputs) !== manifest.key) return undefined;
    const dir = join(slot, manifest.key);
    if (!manifest.files.every((name) => existsSync(join(dir, name)))) return undefined;
    return join(dir, manifest.entryFile);
  } catch {
    return undefined;
  }
}
