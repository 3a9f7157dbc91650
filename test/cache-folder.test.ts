import { mkdtempSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheFileBytes, readCacheFile } from '../src/cache-file.js';
import { CacheFolder } from '../src/cache-folder.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function newFolder(maxFiles: number): { folder: string; cache: CacheFolder; entries: () => string[] } {
  const folder = mkdtempSync(join(tmpdir(), 'prep-pack-cache-folder-'));
  folders.push(folder);
  return { folder, cache: new CacheFolder(() => folder, '.json', maxFiles), entries: () => readdirSync(folder).filter((name) => name.endsWith('.json')).sort() };
}

/** The entries' times set a second apart, in the order given, the first 1,000 s ago: the first is the least recently used. */
function ageInOrder(folder: string, names: string[]): void {
  const now = Date.now() / 1000;
  names.forEach((name, index) => utimesSync(join(folder, `${name}.json`), now - 1000 + index, now - 1000 + index));
}

describe('a cache folder past its bound', () => {
  it('keeps every entry while it holds no more than its bound', async () => {
    const { cache, entries } = newFolder(20);
    for (let index = 0; index < 20; index += 1) cache.keep(`e${String(index).padStart(2, '0')}`, cacheFileBytes(`body ${index}`));
    await cache.finish();
    expect(entries()).toHaveLength(20);
  });

  it('goes down to 90 % of its bound, the least recently used first, and an entry read counts as used', async () => {
    const { folder, cache, entries } = newFolder(20);
    const names = Array.from({ length: 20 }, (_, index) => `e${String(index).padStart(2, '0')}`);
    for (const name of names) cache.keep(name, cacheFileBytes(`body of ${name}`));
    await cache.finish();
    ageInOrder(folder, names);
    // The oldest entry is read (so used now); one more is written, past the bound.
    expect(readCacheFile(cache.entry('e00'))).toBe('body of e00');
    cache.used('e00');
    cache.keep('new', cacheFileBytes('the newest'));
    await cache.finish();
    // 21 entries: down to 18, the three least recently used gone (e01, e02, e03).
    expect(entries()).toHaveLength(18);
    expect(entries()).toContain('e00.json');
    expect(entries()).toContain('new.json');
    for (const gone of ['e01', 'e02', 'e03']) expect(entries()).not.toContain(`${gone}.json`);
    expect(entries()).toContain('e04.json');
  });

  it('then writes entries up to its bound again without removing any', async () => {
    const { folder, cache, entries } = newFolder(20);
    const names = Array.from({ length: 21 }, (_, index) => `e${String(index).padStart(2, '0')}`);
    for (const name of names) cache.keep(name, cacheFileBytes(name));
    await cache.finish();
    expect(entries()).toHaveLength(18);
    ageInOrder(folder, entries().map((name) => name.replace('.json', '')));
    cache.keep('a', cacheFileBytes('a'));
    cache.keep('b', cacheFileBytes('b'));
    await cache.finish();
    expect(entries()).toHaveLength(20);
  });
});
