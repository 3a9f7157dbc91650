import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { cachesEnabled } from '../cache.js';
import { userCacheDir } from '../cache-dir.js';
import { cacheFileBytes, readCacheFile } from '../cache-file.js';
import { CacheFolder } from '../cache-folder.js';

/**
 * Subset fonts as fontkit encoded them, kept in the user's cache folder: one file per
 * subset, named by a hash of prep-pack's build id (fontkit's encoder is in it), the font
 * file's identity (`fontIdentityOf`: the fonts are a dependency, which an install may
 * resolve to another version than the lock file's) and the subset's glyph list, in order, which the file
 * also starts with (a file renamed or copied over another is not read for it). The same three give
 * the same bytes, so a PDF made with a subset read from here is the PDF encoded anew.
 * Encoding a face's subset (its glyf, loca, hmtx and other tables, through restructure)
 * was ~50 ms of a cold workbook build (profiled: staff·amazon after staff·google), and every
 * workbook of the shipped content uses the same glyph list per face (font-subsets.ts).
 *
 * Best effort, like the layout files: a file missing, cut short or changed (each holds a
 * hash of its body) is a subset encoded again; a folder that cannot be written keeps none.
 * Written after drawing, bounded at MAX_FILES (the least recently used go).
 */

/** A subset is ~30 KB: a few MB, the subsets of many packs' worth of glyph lists. */
const MAX_FILES = 200;

const files = new CacheFolder(() => join(userCacheDir(), 'font-subsets'), '.subset', MAX_FILES);

interface FontkitFont {
  postscriptName?: string;
  head?: { checkSumAdjustment?: number };
  stream?: { buffer?: Uint8Array };
}

/**
 * Which font file this is, from what the file says of itself: its name, its length and the
 * checksum a TrueType file carries over all its bytes (`head.checkSumAdjustment`), so
 * another version of the fonts package is another font. Read from the parsed font, where
 * hashing the four files' bytes (867 KB) cost every build ~1.5 ms.
 */
function fontIdentityOf(font: object): string | undefined {
  const { postscriptName, head, stream } = font as FontkitFont;
  const checksum = head?.checkSumAdjustment;
  const length = stream?.buffer?.length;
  if (postscriptName === undefined || checksum === undefined || length === undefined) return undefined;
  return `${postscriptName}:${length}:${checksum}`;
}

/**
 * What a subset file is for (the build, the font file, the glyph list): its name is a hash of
 * it, and its body starts with it, so a file is only ever read for the subset it holds.
 */
function subjectOf(font: object, glyphs: string): { name: string; subject: string } | undefined {
  const fontIdentity = fontIdentityOf(font);
  if (fontIdentity === undefined) return undefined;
  const subject = `${__PREP_PACK_BUILD_ID__} ${fontIdentity} ${glyphs}`;
  return { name: createHash('sha256').update(subject).digest('base64url'), subject };
}

/** The bytes of `font`'s subset of `glyphs` (ids, comma-separated, in order) an earlier build encoded, if kept whole. */
export function keptSubset(font: object, glyphs: string): Uint8Array | undefined {
  if (!cachesEnabled()) return undefined;
  const file = subjectOf(font, glyphs);
  const body = file === undefined ? undefined : readCacheFile(files.entry(file.name));
  const newline = body?.indexOf('\n') ?? -1;
  if (body === undefined || body.slice(0, newline) !== file!.subject) return undefined;
  files.used(file!.name);
  return new Uint8Array(Buffer.from(body.slice(newline + 1), 'base64'));
}

/** Keeps a subset fontkit encoded, for the next builds; written by `finishFontSubsetFiles`. */
export function keepSubset(font: object, glyphs: string, bytes: Uint8Array): void {
  if (!cachesEnabled()) return;
  const file = subjectOf(font, glyphs);
  if (file === undefined) return;
  files.keep(file.name, cacheFileBytes(`${file.subject}\n${Buffer.from(bytes).toString('base64')}`));
}

/** Waits for the subsets kept by this build, marks those read as used, drops the least recently used. Never fails. */
export const finishFontSubsetFiles = (): Promise<void> => files.finish();
