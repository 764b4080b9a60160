import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What a build produced and exactly which file contents went into it. */
export interface BuiltBundle {
  entryFile: string;
  files: { name: string; contents: Uint8Array }[];
  /** Absolute path -> the bytes the bundler read, undefined for a settings file that does not exist. */
  inputs: Map<string, Uint8Array | undefined>;
}

interface Manifest {
  key: string;
  entryFile: string;
  files: string[];
  inputs: string[];
}

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
// Inside node_modules so the absolute imports of external packages stay valid, and `npm ci` starts it afresh.
const cacheRoot = join(projectRoot, 'node_modules/.cache/segmenta/workers');
// An hour covers any worker still loading a lazy chunk from a bundle that a newer build replaced.
const KEEP_OLD_BUILDS_MS = 60 * 60 * 1000;

/**
 * Files that change how the sources are bundled without being bundled themselves: resolution and tsconfig settings,
 * the installed package versions (npm rewrites .package-lock.json on every install).
 */
export const buildSettingsFiles = ['package.json', 'tsconfig.json', 'node_modules/.package-lock.json'].map((file) => join(projectRoot, file));

export function readIfPresent(path: string): Uint8Array | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** One hash over every input's path and bytes: under 1 MB for the segmentation worker, a few ms. */
function bundleKey(inputs: Iterable<[string, Uint8Array | undefined]>): string {
  const hash = createHash('sha256');
  for (const [path, bytes] of [...inputs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    hash.update(`${path}\0${bytes?.byteLength ?? -1}\0`);
    if (bytes) hash.update(bytes);
  }
  return hash.digest('hex').slice(0, 24);
}

/** One directory per worker entry, so each worker's bundle is checked and replaced on its own. */
export function bundleSlot(entryPath: string): string {
  return join(cacheRoot, `${basename(entryPath).replace(/\.[^.]+$/, '')}-${createHash('sha256').update(entryPath).digest('hex').slice(0, 12)}`);
}

/**
 * Size and modification time of each input ('-' for one that does not exist), a few µs a file, and the newest of
 * those times. File times advance in clock ticks of a few ms, so an edit of the same size within a tick of the last
 * one keeps its stamp: only stamps older than a second are trusted.
 */
function stampsOf(paths: readonly string[]): { stamps: string; newestMs: number } {
  let newestMs = 0;
  const stamps = paths.map((path) => {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return '-';
    newestMs = Math.max(newestMs, stat.mtimeMs);
    return `${stat.size}:${stat.mtimeMs}`;
  });
  return { stamps: stamps.join('|'), newestMs };
}
const SETTLED_MS = 1000;

/** Per slot, the key this process last found the inputs' bytes to match, and the inputs' stamps at that moment. */
const verified = new Map<string, { key: string; stamps: string }>();

/**
 * The bundle built from the current contents of every file it was built from, or undefined. Hashes every input
 * (about 300 files for the segmentation worker) the first time, so an edited source or reinstalled package is never
 * served stale, even to a long-running process; later calls in this process hash again only when an input's size or
 * modification time changed. Reading and hashing them all at every worker start held the bot's main thread 20-30 ms
 * four times per upload on a busy 2-core machine, members' lookups waiting.
 */
export function freshBundle(entryPath: string): string | undefined {
  const slot = bundleSlot(entryPath);
  try {
    const manifest = JSON.parse(readFileSync(join(slot, 'manifest.json'), 'utf8')) as Manifest;
    const { stamps, newestMs } = stampsOf(manifest.inputs);
    const known = verified.get(slot);
    if (known?.key !== manifest.key || known.stamps !== stamps) {
      verified.delete(slot);
      if (bundleKey(manifest.inputs.map((path) => [path, readIfPresent(path)])) !== manifest.key) return undefined;
      if (Date.now() - newestMs > SETTLED_MS) verified.set(slot, { key: manifest.key, stamps });
    }
    const dir = join(slot, manifest.key);
    if (!manifest.files.every((name) => existsSync(join(dir, name)))) return undefined;
    return join(dir, manifest.entryFile);
  } catch {
    // No manifest yet, or one cut short or written by a different version of this code: build afresh.
    return undefined;
  }
}

/** Writes the bundle beside older ones and switches the manifest to it; each step is a rename, so readers never see half. */
export function storeBundle(entryPath: string, bundle: BuiltBundle): void {
  const slot = bundleSlot(entryPath);
  const key = bundleKey(bundle.inputs);
  const staging = join(slot, `.staging-${process.pid}-${Math.random().toString(36).slice(2)}`);
  for (const file of bundle.files) {
    mkdirSync(join(staging, file.name, '..'), { recursive: true });
    writeFileSync(join(staging, file.name), file.contents);
  }
  try {
    renameSync(staging, join(slot, key));
  } catch (error) {
    // Another process stored the same build first; a directory of this key without these files (left by a version
    // of the builder whose output differed) gives way, or the manifest would name files that are not there.
    if (bundle.files.every((file) => existsSync(join(slot, key, file.name)))) {
      rmSync(staging, { recursive: true, force: true });
    } else {
      rmSync(join(slot, key), { recursive: true, force: true });
      try {
        renameSync(staging, join(slot, key));
      } catch {
        rmSync(staging, { recursive: true, force: true });
        throw error;
      }
    }
  }
  const manifest: Manifest = { key, entryFile: bundle.entryFile, files: bundle.files.map((file) => file.name), inputs: [...bundle.inputs.keys()] };
  const pending = join(slot, `.manifest-${process.pid}-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(pending, JSON.stringify(manifest));
  renameSync(pending, join(slot, 'manifest.json'));
  removeOldBuilds(slot, key);
}

function removeOldBuilds(slot: string, currentKey: string): void {
  for (const name of readdirSync(slot)) {
    if (name === currentKey || name === 'manifest.json') continue;
    const path = join(slot, name);
    // Another process may be pruning the same slot.
    const modifiedMs = statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
    if (Date.now() - modifiedMs > KEEP_OLD_BUILDS_MS) rmSync(path, { recursive: true, force: true });
  }
}
