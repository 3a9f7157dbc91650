import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { cachesEnabled, revive } from './cache.js';
import { displayPath, packageRoot } from './paths.js';

/**
 * The validated shipped content and the parsed workbook template, shipped in the package
 * beside the bundle (dist/content-<key>.json, dist/template-<key>.json, made at `npm run
 * build` by scripts/ship-code-cache.mjs), so that a first-ever build, with nothing yet in the
 * user's cache folder (cache.ts), does not parse and validate them either.
 *
 * The user's cache is keyed by the files as the build shows them, with paths relative to
 * where prep-pack runs; a shipped one cannot know that place, so it is keyed, and holds
 * each entry's `file`, relative to the package instead, and each `file` is shown relative to
 * the place it is read from, as a build there would have made it.
 */

/** A file's path as the shipped caches name it: relative to the package. */
export function packagePath(path: string, cwd: string): string {
  return relative(packageRoot, resolve(cwd, path));
}

/** The shipped cache of this kind and key (made with package paths), with its files shown from `cwd`; undefined if none. */
export async function readShippedCache<T>(kind: string, key: string, cwd: string, dir = join(packageRoot, 'dist')): Promise<T | undefined> {
  if (!cachesEnabled()) return undefined;
  try {
    const text = await readFile(join(dir, `${kind}-${key}.json`), 'utf8');
    return JSON.parse(text, (name, value: unknown) => {
      if (name === 'file' && typeof value === 'string') return displayPath(join(packageRoot, value), cwd);
      return revive(name, value);
    }) as T;
  } catch {
    return undefined;
  }
}
