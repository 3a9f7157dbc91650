import { createHash } from 'node:crypto';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { userCacheDir } from './cache-dir.js';
import { writeFileAtomically } from './output/write-atomic.js';

/**
 * A cache of validated content and parsed templates, keyed by a hash of the files' text
 * and of prep-pack's own build (its sources and dependencies), kept in the user's cache
 * folder (cache-dir.ts). Parsing and validating ~120 Markdown files (and loading the
 * YAML, Markdown and schema libraries to do it) is a fifth of a build; when nothing has
 * changed since the last build, the result is read back instead. Best effort: any problem
 * reading or writing it just means the work is done again. PREP_PACK_NO_CACHE=1 turns it off.
 */

/**
 * Whether caches are used (PREP_PACK_NO_CACHE turns them all off: this one, and the
 * in-memory ones of a process that builds again). Read at each use, not at import: a build
 * worker (src/workers/) runs each build with that build's environment.
 */
export const cachesEnabled = () => !process.env.PREP_PACK_NO_CACHE;

/** Read when first needed, so a test (or a watch session) can point it elsewhere. */
const cacheDir = () => userCacheDir();

export function cacheKey(...parts: string[]): string {
  const hash = createHash('sha256').update(__PREP_PACK_BUILD_ID__);
  for (const part of parts) hash.update(String(part.length)).update(':').update(part);
  return hash.digest('hex').slice(0, 32);
}

export async function readCache<T>(kind: string, key: string): Promise<T | undefined> {
  if (!cachesEnabled()) return undefined;
  try {
    return JSON.parse(await readFile(join(cacheDir(), `${kind}-${key}.json`), 'utf8'), revive) as T;
  } catch {
    return undefined;
  }
}

/** Entries kept per kind: enough for a few content folders, bounded however long one edits. */
const KEEP = 16;

export async function writeCache(kind: string, key: string, value: unknown): Promise<void> {
  if (!cachesEnabled()) return;
  try {
    await writeFileAtomically(join(cacheDir(), `${kind}-${key}.json`), Buffer.from(JSON.stringify(value, replace)));
    await pruneCache(kind);
  } catch {
    // A read-only install or a full disk: the next build parses again.
  }
}

/** Drop all but the most recently written entries of a kind. */
async function pruneCache(kind: string): Promise<void> {
  const entries = await Promise.all(
    (await readdir(cacheDir()))
      .filter((name) => name.startsWith(`${kind}-`) && name.endsWith('.json'))
      .map(async (name) => ({ path: join(cacheDir(), name), written: (await stat(join(cacheDir(), name))).mtimeMs })),
  );
  const stale = entries.sort((a, b) => b.written - a.written).slice(KEEP);
  await Promise.all(stale.map((entry) => rm(entry.path, { force: true })));
}

/** Maps survive the round trip through JSON (`revive` is also the shipped caches', shipped-cache.ts). */
function replace(_key: string, value: unknown): unknown {
  return value instanceof Map ? { __map: [...value.entries()] } : value;
}
export function revive(_key: string, value: unknown): unknown {
  return value && typeof value === 'object' && '__map' in value ? new Map((value as { __map: [unknown, unknown][] }).__map) : value;
}
