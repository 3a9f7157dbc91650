// What the package ships beside the bundle for a first-ever run, with nothing yet in the
// user's cache folder: the V8 code cache (dist/code-<node version>-<build id>.v8), so that
// it does not parse and compile the whole bundle (src/launch.ts, codeCacheFor), and the
// validated shipped content and parsed workbook template (dist/content-<key>.json,
// dist/template-<key>.json, src/shipped-cache.ts), so that it does not parse those either.
// They are made by running the launcher itself, once, on a real build: V8 rejects a code
// cache made with other V8 flags, and the launcher sets its own (launch.ts), so only a run
// through it makes one the launcher accepts; and a code cache made after a build also
// holds the functions that build compiled. A second run with another empty cache folder
// checks that the shipped code cache is accepted: a launcher that rejected it would write
// a cache of its own there.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const CODE_CACHE = /^code-.*\.v8$/;
const SHIPPED = /^(code-.*\.v8|content-.*\.json|template-.*\.json)$/;

/**
 * Runs dist/bin.js with an empty cache folder of its own, in `cwd`; returns the caches it
 * wrote there (code, content, template), by file name.
 */
function runWithEmptyCache(args, cwd) {
  const cacheDir = mkdtempSync(join(tmpdir(), 'prep-pack-code-cache-'));
  try {
    // No NODE_OPTIONS: V8 flags given there would be in the cache's flags and not in a user's.
    const { NODE_OPTIONS: _ignored, ...env } = process.env;
    const run = spawnSync(process.execPath, [join(root, 'dist', 'bin.js'), ...args.map((arg) => arg.replace('{cache}', cacheDir))], {
      cwd: cwd ?? cacheDir,
      encoding: 'utf8',
      env: { ...env, PREP_PACK_CACHE_DIR: cacheDir, PREP_PACK_NO_CACHE: '', PREP_PACK_DEBUG: '', SOURCE_DATE_EPOCH: '0' },
    });
    if (run.status !== 0) throw new Error(`making the shipped caches: prep-pack ${args.join(' ')} failed:\n${run.stderr}`);
    return new Map(readdirSync(cacheDir).filter((name) => SHIPPED.test(name)).map((name) => [name, readFileSync(join(cacheDir, name))]));
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

/** Makes dist/code-….v8 (and the content and template caches) and checks that the launcher accepts it; returns their file names. */
export function shipCodeCache() {
  // Run in the package's own folder, the files a build shows are relative to the package:
  // the shipped content and template caches' keys and paths are (src/shipped-cache.ts).
  const made = runWithEmptyCache(['build', '--role', 'staff', '--company', 'google', '--out', join('{cache}', 'made-for-the-caches.pdf')], root);
  const names = [...made.keys()];
  for (const kind of [CODE_CACHE, /^content-/, /^template-/]) {
    if (names.filter((name) => kind.test(name)).length !== 1) throw new Error(`making the shipped caches: expected one ${kind} cache, found ${names.join(', ') || 'none'}`);
  }
  for (const [name, data] of made) writeFileSync(join(root, 'dist', name), data);
  const code = names.find((name) => CODE_CACHE.test(name));
  if ([...runWithEmptyCache(['--version']).keys()].some((name) => CODE_CACHE.test(name))) throw new Error(`dist/${code}: the launcher rejected the code cache it made`);
  return names;
}
