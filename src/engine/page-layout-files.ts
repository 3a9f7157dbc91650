import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { userCacheDir } from '../cache-dir.js';
import { cacheFileBytes, readCacheFile } from '../cache-file.js';
import { CacheFolder } from '../cache-folder.js';

/**
 * The layout files: a page's laid-out sheets (laid-out-codec.ts) kept in the user's cache
 * folder (cache-dir.ts), one file per page, named by a hash of prep-pack's build id and
 * the page's key (page-layouts.ts: the page's reconciled tree and the document's props,
 * so its content, paper and options). A build in a new process reads a page laid out by
 * an earlier one instead of laying it out: staff·amazon after staff·google lays out only
 * the pages that differ.
 *
 * Best effort: a file that is missing, unreadable, cut short or changed (each holds a hash
 * of its body, checked on reading) is a page laid out again; a folder that cannot be
 * written is a build that keeps nothing. Each file is written to a temporary name, then
 * renamed, so a reader never sees half of one; not flushed to disk (fsync): a file lost in
 * a crash is laid out again. Bounded: beyond MAX_FILES, the least recently used go (a
 * file read is touched).
 */

/** ~50 KB a page (its lines included): about 50 MB, the pages of some 20 different packs. */
const MAX_FILES = 1_000;

/**
 * A document of more pages than this keeps none on disk, and reads none: its pages would
 * push out those of every other pack (it alone could fill the folder), and writing them
 * costs its first build dearly (a 1,000-question pack, one run each: 18.6 s CPU and 437 MB
 * writing its files, against 12.7 s and 376 MB without). A workbook has ~45 pages.
 */
const MAX_PAGES_KEPT_PER_DOCUMENT = MAX_FILES / 4;

/** Whether a document of `pageCount` pages uses the layout files at all. */
export const usesLayoutFiles = (pageCount: number) => pageCount <= MAX_PAGES_KEPT_PER_DOCUMENT;

const files = new CacheFolder(() => join(userCacheDir(), 'page-layouts'), '.json', MAX_FILES);

/** The file name for a page key: the build id in it, so another build of prep-pack never reads it. */
export function layoutFileKey(pageKey: string): string {
  return createHash('sha256').update(__PREP_PACK_BUILD_ID__).update('\0').update(pageKey).digest('base64url');
}

/** The body of a page's layout file, if there is one whole. */
export function readLayoutFile(key: string): string | undefined {
  // The folder listed once a build: a page not there costs no failed read (an error made, with its stack, per page).
  if (present === undefined) {
    try {
      present = new Set(readdirSync(files.path()));
    } catch {
      present = new Set();
    }
  }
  if (!present.has(`${key}.json`)) return undefined;
  const body = readCacheFile(files.entry(key));
  if (body !== undefined) files.used(key);
  return body;
}

/** The names in the folder when this build first looked (`readLayoutFile`). */
let present: Set<string> | undefined;

/**
 * Each file is written as soon as its page is laid out, while the next pages are (react-pdf's
 * layout yields between pages), from bytes made at once: the JSON text is built of many
 * pieces, which held as they are took ~200 MB more for a 1,000-question pack.
 */
export function keepLayoutFile(key: string, body: string): void {
  files.keep(key, cacheFileBytes(body));
}

/**
 * Waits for the files kept during layout, marks those read as used, and drops the least
 * recently used beyond MAX_FILES. Never fails: what is not written is laid out again.
 */
export async function finishLayoutFiles(): Promise<void> {
  present = undefined;
  await files.finish();
}

/** Forget every layout file (tests). */
export async function removeLayoutFiles(): Promise<void> {
  present = undefined;
  await files.remove();
}
