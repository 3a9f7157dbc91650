import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { cachesEnabled } from '../cache.js';
import { userCacheDir } from '../cache-dir.js';
import { cacheFileBytes, readCacheFile, writeCacheFile } from '../cache-file.js';

/**
 * The kerning worked out by earlier builds (kerning.ts), kept in the user's cache folder:
 * per face, each text's adjustments, as fontkit's GPOS layout gave them. A new process
 * that kerns a text through fontkit first pays for decoding the GPOS lookups it walks and
 * the glyphs' metrics (~50 ms of a cold staff·amazon build after staff·google, profiled:
 * most of it the first texts), and kerns again when drawing the headings of pages read
 * back from the layout files (page-layout-files.ts); read from here, the adjustments are
 * the same numbers (integers in font units), so the same bytes.
 *
 * One file, named by prep-pack's build id (the fonts are in it), holding a hash of its body:
 * a file changed or cut short is ignored. Written once a build, after drawing, when the
 * build kerned a text the file did not have (to a temporary name, then renamed; not flushed
 * to disk, as a file lost in a crash is kerning worked out again). Bounded:
 * past MAX_TEXTS it starts again from this build's texts. Best effort, like the layout
 * files: a folder that cannot be read or written is kerning worked out again.
 */

/** A workbook kerns ~80 texts (its headings); this is some 60 packs' worth. */
const MAX_TEXTS = 5_000;

type Faces = Map<string, Map<string, number[]>>;

const pathOf = (folder: string) => join(folder, `kerning-${__PREP_PACK_BUILD_ID__}.json`);

/** The file as read for the cache folder in use (a test or a worker's build may change it). */
let loaded: { folder: string; faces: Faces } | undefined;
/** Texts kerned by this process that the file did not hold, to be written. */
let added: Faces = new Map();

function keptFaces(): Faces {
  const folder = userCacheDir();
  if (loaded?.folder !== folder) loaded = { folder, faces: readKerningFile(pathOf(folder)) };
  return loaded.faces;
}

function readKerningFile(path: string): Faces {
  const faces: Faces = new Map();
  const body = readCacheFile(path);
  if (body === undefined) return faces;
  try {
    for (const [face, texts] of Object.entries(JSON.parse(body) as Record<string, Record<string, number[]>>)) {
      faces.set(face, new Map(Object.entries(texts).filter(([kerned, adjustments]) => isAdjustmentsOf(kerned, adjustments))));
    }
  } catch {
    // A body that does not parse as kerning: worked out again.
  }
  return faces;
}

const isAdjustmentsOf = (text: string, adjustments: unknown) =>
  Array.isArray(adjustments) && adjustments.length === text.length && adjustments.every((value) => typeof value === 'number');

/** The adjustments an earlier build worked out for `text` in `face`, if the file holds them. */
export function keptKerning(face: string, text: string): Float64Array | undefined {
  if (!cachesEnabled()) return undefined;
  const adjustments = keptFaces().get(face)?.get(text);
  return adjustments && Float64Array.from(adjustments);
}

/** Remembers adjustments worked out by fontkit, for the file written after this build. */
export function keepKerning(face: string, text: string, adjustments: Float64Array): void {
  if (!cachesEnabled()) return;
  let texts = added.get(face);
  if (!texts) added.set(face, (texts = new Map()));
  texts.set(text, Array.from(adjustments));
}

/** Writes the file with this build's new texts added, if there are any. Never fails. */
export async function finishKerningFile(): Promise<void> {
  const news = added;
  added = new Map();
  if (news.size === 0 || !cachesEnabled()) return;
  const folder = userCacheDir();
  // Read again: another process may have written the file since this one read it.
  const faces = readKerningFile(pathOf(folder));
  const textsIn = (kept: Faces) => [...kept.values()].reduce((sum, texts) => sum + texts.size, 0);
  if (textsIn(faces) + textsIn(news) > MAX_TEXTS) faces.clear();
  for (const [face, texts] of news) {
    let kept = faces.get(face);
    if (!kept) faces.set(face, (kept = new Map()));
    for (const [text, adjustments] of texts) kept.set(text, adjustments);
  }
  const body = JSON.stringify(Object.fromEntries([...faces].map(([face, texts]) => [face, Object.fromEntries(texts)])));
  await mkdir(folder, { recursive: true }).catch(() => undefined);
  // Not written (a read-only or full cache folder): the next build kerns these texts again.
  if (await writeCacheFile(pathOf(folder), cacheFileBytes(body))) loaded = { folder, faces };
}
