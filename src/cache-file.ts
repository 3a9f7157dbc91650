import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';

/**
 * A file a cache keeps (the layout files, engine/page-layout-files.ts; the kerning file,
 * engine/kerning-file.ts; the subset fonts, engine/font-subset-files.ts): a hash of its body on the first line, then the body. A file cut
 * short, changed or not written by prep-pack reads as absent, so a cache never trusts what it
 * cannot check. Written to a temporary name (`<path>.<8 hex>.tmp`) and renamed, so a reader
 * never sees half of one; not flushed to disk (fsync), as a cache file lost in a crash is
 * work done again. Unlike a PDF (output/write-atomic.ts), nothing here is the user's.
 */

const checksumOf = (body: string) => createHash('sha256').update(body).digest('base64url');

/** The body of the file at `path`, if it is there whole. */
export function readCacheFile(path: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const newline = text.indexOf('\n');
  const body = text.slice(newline + 1);
  return newline >= 0 && text.slice(0, newline) === checksumOf(body) ? body : undefined;
}

/** The bytes `writeCacheFile` writes: made at once, so the body's text can be let go of. */
export const cacheFileBytes = (body: string): Buffer => Buffer.from(`${checksumOf(body)}\n${body}`);

/** Writes the file (`cacheFileBytes`) atomically. Never rejects: whether it was written is the answer. */
export async function writeCacheFile(path: string, bytes: Buffer): Promise<boolean> {
  const temporary = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, bytes);
    await rename(temporary, path);
    return true;
  } catch {
    await rm(temporary, { force: true }).catch(() => undefined);
    return false;
  }
}

