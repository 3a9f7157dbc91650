import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomically } from './output/write-atomic.js';
import { packageRoot } from './paths.js';
import { version } from './version.js';

/**
 * A cache of validated content and parsed templates, keyed by a hash of the files' text
 * and of prep-pack's own code. Parsing and validating ~120 Markdown files (and loading the
 * YAML, Markdown and schema libraries to do it) is a fifth of a build; when nothing has
 * changed since the last build, the result is read back instead. Best effort: any problem
 * reading or writing it just means the work is done again. PREP_PACK_NO_CACHE=1 turns it off.
 */

const cacheDir = process.env.PREP_PACK_CACHE_DIR ?? join(packageRoot, 'node_modules', '.cache', 'prep-pack');
const enabled = !process.env.PREP_PACK_NO_CACHE;

/** Changes whenever prep-pack's compiled parsing code does, so a new parser never reads an old result. */
const codeStamp = (() => {
  const here = dirname(fileURLToPath(import.meta.url));
  const hash = createHash('sha256').update(version);
  for (const folder of ['content', 'input', 'template', '.']) {
    const dir = join(here, folder);
    for (const name of readdirSync(dir).filter((file) => /\.[jt]sx?$/.test(file)).sort()) {
      const info = statSync(join(dir, name));
      hash.update(`${folder}/${name}:${info.size}:${info.mtimeMs}`);
    }
  }
  return hash.digest('hex');
})();

export function cacheKey(...parts: string[]): string {
  const hash = createHash('sha256').update(codeStamp);
  for (const part of parts) hash.update(String(part.length)).update(':').update(part);
  return hash.digest('hex').slice(0, 32);
}

export async function readCache<T>(kind: string, key: string): Promise<T | undefined> {
  if (!enabled) return undefined;
  try {
    return JSON.parse(await readFile(join(cacheDir, `${kind}-${key}.json`), 'utf8'), revive) as T;
  } catch {
    return undefined;
  }
}

/** Entries kept per kind: enough for a few content folders, bounded however long one edits. */
const KEEP = 16;

export async function writeCache(kind: string, key: string, value: unknown): Promise<void> {
  if (!enabled) return;
  try {
    await writeFileAtomically(join(cacheDir, `${kind}-${key}.json`), Buffer.from(JSON.stringify(value, replace)));
    await pruneCache(kind);
  } catch {
    // A read-only install or a full disk: the next build parses again.
  }
}

/** Drop all but the most recently written entries of a kind. */
async function pruneCache(kind: string): Promise<void> {
  const entries = await Promise.all(
    (await readdir(cacheDir))
      .filter((name) => name.startsWith(`${kind}-`) && name.endsWith('.json'))
      .map(async (name) => ({ path: join(cacheDir, name), written: (await stat(join(cacheDir, name))).mtimeMs })),
  );
  const stale = entries.sort((a, b) => b.written - a.written).slice(KEEP);
  await Promise.all(stale.map((entry) => rm(entry.path, { force: true })));
}

/** Maps survive the round trip through JSON. */
function replace(_key: string, value: unknown): unknown {
  return value instanceof Map ? { __map: [...value.entries()] } : value;
}
function revive(_key: string, value: unknown): unknown {
  return value && typeof value === 'object' && '__map' in value ? new Map((value as { __map: [unknown, unknown][] }).__map) : value;
}
