import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';
import { userCacheDir } from './cache-dir.js';
import { setUsualHeapGrowth } from './process/heap-growth.js';

type Main = (argv: readonly string[]) => Promise<number>;
type ServeBuildRequests = (main: Main) => void;
interface BundleExports {
  main: Main;
  serveBuildRequests: ServeBuildRequests;
}

/**
 * How the CLI starts: it always runs the bundle (dist/prep-pack.cjs), the one build of
 * prep-pack and its dependencies, with the layout patch inside it, that the tests ran
 * too. There is no second way in: which code runs never depends on what else happens to
 * be installed beside it, or on file times.
 *
 * Loading ~600 modules one by one was a fifth of a build (measured ~0.5 s); one file,
 * compiled with a V8 code cache kept in the user's cache folder, skips most of the
 * parsing and compiling on later runs; the package ships one made at build time
 * (codeCacheFor), so the first run after an install skips it too.
 */
export async function loadMain(): Promise<Main> {
  const bundle = loadBundle();
  if (!bundle.writeCodeCache) return bundle.exports.main;
  // Made after the first run, so the cache also holds the functions that run compiled.
  return async (argv) => {
    const code = await bundle.exports.main(argv);
    bundle.writeCodeCache!();
    return code;
  };
}

/**
 * A build worker (src/workers/build-worker.ts): the same bundle, serving build requests
 * from the pool that forked it instead of reading a command line.
 */
export function startBuildWorker(): void {
  const { exports } = loadBundle();
  exports.serveBuildRequests(exports.main);
}

function loadBundle(): { exports: BundleExports; writeCodeCache?: () => void } {
  setV8Flags();
  const here = dirname(fileURLToPath(import.meta.url));
  const bundle = join(here, 'prep-pack.cjs');
  const load = createRequire(bundle);
  // A stack trace for a bug report (PREP_PACK_DEBUG) is only readable through the
  // bundle's source map, which Node applies to modules it loads itself.
  if (process.env.PREP_PACK_DEBUG) {
    process.setSourceMapsEnabled(true);
    return { exports: load(bundle) as BundleExports };
  }

  const { cacheFile, cachedData } = codeCacheFor(here);
  const script = new Script(Module.wrap(readFileSync(bundle, 'utf8')), { filename: bundle, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {} as BundleExports };
  (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, load, module, bundle, here);
  if (cachedData && !script.cachedDataRejected) return { exports: module.exports };
  // The flags set back first: a build may have changed one (heap-growth.ts), and a code
  // cache holds the hash of the flags it was made under.
  return {
    exports: module.exports,
    writeCodeCache: () => {
      setV8Flags();
      writeSafe(cacheFile, script.createCachedData());
    },
  };
}

/**
 * The V8 code cache to compile the bundle with: the user's own (written after a run whose
 * cache was missing or rejected), else the one shipped beside the bundle
 * (scripts/ship-code-cache.mjs), which a first-ever run finds; `cacheFile` is where the
 * user's goes. Both are named by the Node version and the build, as a cache is only good
 * for the V8 and the code it was made with (V8 checks, and rejects one made for other
 * code, another V8 or other V8 flags).
 */
export function codeCacheFor(bundleDir: string, cacheDir = userCacheDir()): { cacheFile: string; cachedData?: Buffer } {
  const name = `code-${process.version}-${__PREP_PACK_BUILD_ID__}.v8`;
  const cacheFile = join(cacheDir, name);
  const cachedData = readSafe(cacheFile) ?? readSafe(join(bundleDir, name));
  return { cacheFile, ...(cachedData ? { cachedData } : {}) };
}

/**
 * V8 flags, set here before the bundle is compiled, in every process the launcher starts (a
 * one-off build, a watch or batch session and their build workers). Before the compile,
 * because V8 keeps the flags' hash in a code cache and rejects a cache made under other
 * flags: the shipped one is made by running this launcher (scripts/ship-code-cache.mjs).
 */
function setV8Flags(): void {
  // A build worker is started with a bigger young generation (worker-process.ts), which V8
  // sized when it made the heap; set back to its default value now, the flag no longer
  // changes anything, and no longer makes V8 reject the shipped code cache (made without it).
  setFlagsFromString('--max-semi-space-size=0');
  setUsualHeapGrowth();
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
}

/**
 * How much bytecode a function runs before V8 considers compiling it further (Sparkplug
 * first, then TurboFan): 8 times V8's default (66 KB). With the default, a staff/google
 * build had TurboFan compile 252 functions (`--trace-opt`; 61 with this budget), on a
 * thread of its own: most of a short build's code runs too briefly to pay that back, and
 * on two cores that thread competes with the build. Measured in interleaved runs (CPU
 * time, /usr/bin/time, a busy 2-core machine, same PDF bytes): staff/google 2.04 -> 1.27 s
 * (8 runs). TurboFan off altogether (`--no-opt`) gave 1.11 s, but made a 1,000-question
 * pack, whose hot loops need it, 11.0 -> 16.8 s; 8 times the budget kept that at the
 * default's time (see the README's "Speed"). Long-lived processes (watch, batch workers)
 * still optimise what they run again and again, only later.
 */
const INTERRUPT_BUDGET = 8 * 66 * 1024;

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
    pruneCodeCaches(dirname(path));
  } catch {
    // no writable cache folder: fine
  }
}

/**
 * A code cache is for one build and one Node version. Two prep-packs installed side by
 * side (a global one and a project's) each keep theirs: only the few written last
 * stay, so neither deletes the other's on every run.
 */
const CODE_CACHES_KEPT = 4;

function pruneCodeCaches(folder: string): void {
  const caches = readdirSync(folder)
    .filter((name) => name.startsWith('code-') && name.endsWith('.v8'))
    .map((name) => ({ path: join(folder, name), used: statSync(join(folder, name)).mtimeMs }))
    .sort((a, b) => b.used - a.used);
  for (const stale of caches.slice(CODE_CACHES_KEPT)) rmSync(stale.path, { force: true });
}
