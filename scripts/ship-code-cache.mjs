// The V8 code cache shipped in the package (dist/code-<node version>-<build id>.v8), so that
// a first-ever run, with nothing yet in the user's cache folder, does not parse and compile
// the whole bundle (src/launch.ts, codeCacheFor). It is made by running the launcher itself,
// once, on a real build: V8 rejects a code cache made with other V8 flags, and the launcher
// sets its own (launch.ts), so only a run through it makes one the launcher accepts; and a
// cache made after a build also holds the functions that build compiled. A second run with
// another empty cache folder checks that the shipped cache is accepted: a launcher that
// rejected it would write a cache of its own there.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const CODE_CACHE = /^code-.*\.v8$/;

/** Runs dist/bin.js with an empty cache folder of its own; returns the code cache it wrote there, if any. */
function runWithEmptyCache(args) {
  const cacheDir = mkdtempSync(join(tmpdir(), 'prep-pack-code-cache-'));
  try {
    // No NODE_OPTIONS: V8 flags given there would be in the cache's flags and not in a user's.
    const { NODE_OPTIONS: _ignored, ...env } = process.env;
    const run = spawnSync(process.execPath, [join(root, 'dist', 'bin.js'), ...args], {
      cwd: cacheDir,
      encoding: 'utf8',
      env: { ...env, PREP_PACK_CACHE_DIR: cacheDir, PREP_PACK_NO_CACHE: '', PREP_PACK_DEBUG: '', SOURCE_DATE_EPOCH: '0' },
    });
    if (run.status !== 0) throw new Error(`making the code cache: prep-pack ${args.join(' ')} failed:\n${run.stderr}`);
    const written = readdirSync(cacheDir).filter((name) => CODE_CACHE.test(name));
    if (written.length > 1) throw new Error(`making the code cache: prep-pack ${args.join(' ')} wrote ${written.length} code caches`);
    return written.length === 0 ? undefined : { name: written[0], data: readFileSync(join(cacheDir, written[0])) };
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

/** Makes dist/code-….v8 and checks that the launcher accepts it; returns its file name. */
export function shipCodeCache() {
  const made = runWithEmptyCache(['build', '--role', 'staff', '--company', 'google', '--out', 'made-for-the-code-cache.pdf']);
  if (!made) throw new Error('making the code cache: the launcher wrote none');
  writeFileSync(join(root, 'dist', made.name), made.data);
  if (runWithEmptyCache(['--version'])) throw new Error(`dist/${made.name}: the launcher rejected the code cache it made`);
  return made.name;
}
