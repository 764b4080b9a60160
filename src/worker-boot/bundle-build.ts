import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import { basename, dirname, extname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Plugin } from 'esbuild';
import { buildSettingsFiles, bundleSlot, projectRoot, readIfPresent, type BuiltBundle } from './bundle-cache.js';

// The code that decides what a bundle contains is an input of every bundle.
const builderFiles = [fileURLToPath(import.meta.url)];

/**
 * "import.meta", spelt so that it never appears in this module's own code: a worker that starts workers bundles
 * this module too, and the check below would find these strings in its bundle and refuse it.
 */
const META = ['import', 'meta'].join('.');

/**
 * Bundles a worker entry and the ES modules it imports, sources and packages alike, into one .mjs plus a chunk per
 * dynamic import (so a lazily imported reader stays lazy). Tree-shaking matters here: ml-kmeans pulls in
 * ml-spectra-processing, hundreds of files and about 130 ms of loading, of which it uses a few functions.
 * CommonJS packages (better-sqlite3 and its native addon, papaparse) stay external, imported by absolute path.
 * Rejects rather than build anything that could behave differently from the unbundled sources.
 */
export async function buildBundle(entryPath: string): Promise<BuiltBundle> {
  const inputs = new Map([...buildSettingsFiles, ...builderFiles].map((path) => [path, readIfPresent(path)]));
  const { build } = await import('esbuild');
  // A sibling of the final directory, so the relative paths in source maps and imports stay right after the rename.
  const outdir = join(bundleSlot(entryPath), 'pending');
  const result = await build({
    // The bundle's path comments are relative to it: without it, a CLI started from another directory built a bundle
    // with the same inputs (so the same cache key) but other chunk names, and the cache then never found it fresh.
    absWorkingDir: projectRoot,
    entryPoints: [entryPath],
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: `node${process.versions.node}`,
    // Node's own conditions only: esbuild would otherwise also honour "module", which Node ignores.
    conditions: ['node'],
    outdir,
    entryNames: '[name]',
    outExtension: { '.js': '.mjs' },
    sourcemap: 'linked',
    sourcesContent: false,
    define: {
      [`${META}.url`]: '__segmenta_import_meta_url',
      [`${META}.dirname`]: '__segmenta_import_meta_dirname',
      [`${META}.filename`]: '__segmenta_import_meta_filename',
    },
    plugins: [commonJsStaysExternal, eachModuleKeepsItsLocation(inputs)],
    write: false,
    logLevel: 'silent',
  });
  // A warning (a require() it cannot follow, an import of a missing export) means the bundle may differ from the sources.
  const [warning] = result.warnings;
  if (warning) throw new Error(`bundling ${entryPath}: ${warning.text}`);
  const files = result.outputFiles.map((file) => ({ name: relative(outdir, file.path), contents: file.contents }));
  for (const file of result.outputFiles.filter((output) => output.path.endsWith('.mjs'))) {
    const refusal = locationDependence(file.text);
    if (refusal) throw new Error(`bundling ${entryPath}: ${refusal}`);
  }
  return { entryFile: `${basename(entryPath, extname(entryPath))}.mjs`, files, inputs };
}

/**
 * Code that would run differently from the bundle's directory. esbuild follows import('./literal') into a chunk but
 * leaves import(expression) as it is, silently, and import.meta survives when used other than as .url/.dirname/.filename.
 */
function locationDependence(code: string): string | undefined {
  if (code.includes(META)) return `a module uses ${META} in a way the bundle cannot keep`;
  // `import()` with nothing inside is a mention in a comment (zod has one), not code.
  if (/\bimport\(\s*[^\s"')]/.test(code)) return 'a module imports a computed specifier, which would resolve from the bundle';
  return undefined;
}

const resolvingForPlugin = { plugin: 'commonjs-stays-external' };

/** A CommonJS package in an ESM bundle would need require() shims and a __dirname of its own; Node loads it as it is. */
const commonJsStaysExternal: Plugin = {
  name: 'commonjs-stays-external',
  setup(build) {
    const packageTypes = new Map<string, string | undefined>();
    build.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData === resolvingForPlugin || isBuiltin(args.path)) return undefined;
      const resolved = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: resolvingForPlugin });
      if (resolved.errors.length > 0 || resolved.external) return undefined;
      if (isCommonJs(resolved.path, packageTypes)) return { path: resolved.path, external: true };
      return { path: resolved.path, sideEffects: resolved.sideEffects };
    });
  },
};

function isCommonJs(path: string, packageTypes: Map<string, string | undefined>): boolean {
  const extension = extname(path);
  if (extension === '.cjs' || extension === '.cts' || extension === '.node') return true;
  if (extension !== '.js' && extension !== '.ts') return false;
  return nearestPackageType(dirname(path), packageTypes) !== 'module';
}

/** The "type" of the nearest package.json, which is how Node decides what a .js file is. */
function nearestPackageType(dir: string, packageTypes: Map<string, string | undefined>): string | undefined {
  if (packageTypes.has(dir)) return packageTypes.get(dir);
  let type: string | undefined;
  try {
    type = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { type?: string }).type ?? 'commonjs';
  } catch {
    type = dirname(dir) === dir ? undefined : nearestPackageType(dirname(dir), packageTypes);
  }
  packageTypes.set(dir, type);
  return type;
}

/**
 * Reads every module itself, so the bundle's key is computed from exactly the bytes bundled, and gives each module that
 * uses import.meta its own location, so a file read relative to a module (as playbook-source.ts reads
 * data/playbook.json) is still found from the bundle.
 */
function eachModuleKeepsItsLocation(inputs: Map<string, Uint8Array | undefined>): Plugin {
  return {
    name: 'each-module-keeps-its-location',
    setup(build) {
      build.onLoad({ filter: /.*/, namespace: 'file' }, async (args) => {
        const bytes = await readFile(args.path);
        inputs.set(args.path, bytes);
        if (!/\.[cm]?[jt]sx?$/.test(args.path) || !bytes.includes(META)) return { contents: bytes, loader: 'default' };
        const location = [pathToFileURL(args.path).href, dirname(args.path), args.path].map((value) => JSON.stringify(value));
        // On the first line, so every line of the module keeps its number in the source map.
        const prelude = `var __segmenta_import_meta_url = ${location[0]}, __segmenta_import_meta_dirname = ${location[1]}, __segmenta_import_meta_filename = ${location[2]};`;
        return { contents: prelude + bytes.toString('utf8'), loader: 'default' };
      });
    },
  };
}
