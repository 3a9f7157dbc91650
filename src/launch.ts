import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

type Main = (argv: readonly string[]) => Promise<number>;

/**
 * How the CLI starts. Loading react, react-pdf and their ~600 modules one by one was a
 * fifth of a build (measured ~0.5 s), so `npm ci` also bundles them into one file
 * (dist/prep-pack.cjs, by esbuild), and it is compiled with a V8 code cache kept beside
 * the content cache: later runs skip most of the parsing and compiling. Without the
 * bundle (a plain `tsc` build) the modules load as usual.
 */
export async function loadMain(): Promise<Main> {
  const here = dirname(fileURLToPath(import.meta.url));
  const bundle = join(here, 'prep-pack.cjs');
  const info = statSafe(bundle);
  // A bundle older than the compiled modules (tsc run alone after a change) would run old code.
  const stale = info && (statSafe(join(here, 'cli', 'main.js'))?.mtimeMs ?? 0) > info.mtimeMs;
  // The bundle is minified (less to read and compile at every start); a stack trace for a
  // bug report (PREP_PACK_DEBUG) is only readable from the modules.
  if (!info || stale || process.env.PREP_PACK_NO_BUNDLE || process.env.PREP_PACK_DEBUG) return (await import('./cli/main.js')).main;

  const cacheDir = process.env.PREP_PACK_CACHE_DIR ?? join(here, '..', 'node_modules', '.cache', 'prep-pack');
  const cacheFile = join(cacheDir, `code-${process.version}-${info.size}-${Math.round(info.mtimeMs)}.v8`);
  const cachedData = readSafe(cacheFile);
  const script = new Script(Module.wrap(readFileSync(bundle, 'utf8')), { filename: bundle, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {} as { main?: Main } };
  (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, createRequire(bundle), module, bundle, here);
  const main = module.exports.main!;
  if (cachedData && !script.cachedDataRejected) return main;
  // Made after the first run, so the cache also holds the functions that run compiled.
  return async (argv) => {
    const code = await main(argv);
    writeSafe(cacheFile, script.createCachedData());
    return code;
  };
}

function statSafe(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function readSafe(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** Best effort, and atomic: a cache that cannot be written only means a slower start. */
function writeSafe(path: string, data: Buffer): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, data);
    renameSync(temporary, path);
    // A code cache is for one bundle: drop those of earlier builds.
    for (const name of readdirSync(dirname(path))) {
      if (name.startsWith('code-') && name.endsWith('.v8') && join(dirname(path), name) !== path) rmSync(join(dirname(path), name), { force: true });
    }
  } catch {
    // read-only install: fine
  }
}
