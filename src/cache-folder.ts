import { mkdir, readdir, rm, stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { writeCacheFile } from './cache-file.js';

/**
 * A folder of cache files (cache-file.ts) that a build reads and writes one entry at a time:
 * the layout files (engine/page-layout-files.ts), the subset fonts
 * (engine/font-subset-files.ts). An entry is written as soon as it is kept, never making
 * the build wait or fail (a folder that cannot be made is a write that fails); `finish`
 * waits for the writes, marks the entries read as used, and keeps the folder bounded:
 * beyond `maxFiles` entries (`<name><suffix>`), the least recently used go, down to 90 % of
 * `maxFiles` (FULLNESS_AFTER_PRUNING), and temporary files abandoned by a killed writer go
 * too. Best effort throughout: what is not kept is made again by the next build.
 */
export class CacheFolder {
  private writing: Promise<unknown>[] = [];
  private readEntries: string[] = [];
  /** The folder being made, and which: the user's cache folder may have moved since the last entry. */
  private made: { path: string; done: Promise<unknown> } | undefined;

  constructor(
    /** Where the folder is now: the user's cache folder may change between builds (tests, a worker). */
    readonly path: () => string,
    private readonly suffix: string,
    private readonly maxFiles: number,
  ) {}

  entry(name: string): string {
    return join(this.path(), `${name}${this.suffix}`);
  }

  /** Writes an entry's bytes (`cacheFileBytes`) in the background. */
  keep(name: string, bytes: Buffer): void {
    const folder = this.path();
    if (this.made?.path !== folder) this.made = { path: folder, done: mkdir(folder, { recursive: true }).catch(() => undefined) };
    const path = this.entry(name);
    this.writing.push(this.made.done.then(() => writeCacheFile(path, bytes)));
  }

  /** Notes that an entry was read, so that it is the last to go. */
  used(name: string): void {
    this.readEntries.push(this.entry(name));
  }

  /** Waits for the entries kept, touches those read, prunes. Never fails. */
  async finish(): Promise<void> {
    const writes = this.writing.splice(0);
    const reads = this.readEntries.splice(0);
    this.made = undefined;
    if (writes.length === 0 && reads.length === 0) return;
    const now = new Date();
    try {
      await Promise.all([...writes, ...reads.map((path) => utimes(path, now, now).catch(() => undefined))]);
      if (writes.length > 0) await pruneCacheFolder(this.path(), this.suffix, this.maxFiles);
    } catch {
      // A read-only or full cache folder: the next build makes those entries again.
    }
  }

  /** Forgets the folder and everything in it (tests). */
  async remove(): Promise<void> {
    await Promise.all(this.writing.splice(0));
    this.readEntries.splice(0);
    this.made = undefined;
    await rm(this.path(), { recursive: true, force: true });
  }
}

/**
 * A temporary file older than this was left by a process killed between writing and renaming
 * it (a live writer renames within milliseconds): it would otherwise stay for ever.
 */
const ABANDONED_AFTER_MS = 10 * 60 * 1000;

/**
 * How full a folder is left when it has gone past its bound: the least recently used go
 * until it holds this share of `maxFiles`. Finding them means a stat of every entry (a
 * thousand layout files: ~25 ms of a watch worker's CPU, profiled); pruned to the bound
 * exactly, a folder at its bound paid that on every build that wrote an entry, a watch
 * rebuild after each edit. With room left, it is paid once per tenth of the bound written.
 */
const FULLNESS_AFTER_PRUNING = 0.9;

async function pruneCacheFolder(folder: string, suffix: string, maxFiles: number): Promise<void> {
  const all = await readdir(folder);
  const abandonedBefore = Date.now() - ABANDONED_AFTER_MS;
  await Promise.all(
    all
      .filter((name) => name.endsWith('.tmp'))
      .map(async (name) => {
        const path = join(folder, name);
        const written = (await stat(path).catch(() => undefined))?.mtimeMs;
        if (written !== undefined && written < abandonedBefore) await rm(path, { force: true });
      }),
  );
  const names = all.filter((name) => name.endsWith(suffix));
  if (names.length <= maxFiles) return;
  const files = await Promise.all(names.map(async (name) => ({ path: join(folder, name), used: (await stat(join(folder, name)).catch(() => undefined))?.mtimeMs ?? 0 })));
  const oldest = files.sort((a, b) => b.used - a.used).slice(Math.floor(maxFiles * FULLNESS_AFTER_PRUNING));
  await Promise.all(oldest.map((file) => rm(file.path, { force: true })));
}
