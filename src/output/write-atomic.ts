import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { lstat, mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { OutputError } from '../errors.js';
import { cleanUpOnSignal } from '../process/clean-up-on-signal.js';

/**
 * write: the bytes go to a hidden temporary file beside the target, are flushed to disk,
 * then renamed over it. A reader (or a failure half-way) sees the old PDF or the new one,
 * never a truncated one.
 *
 * rename(2) replaces whatever is at the target, a device, a FIFO or a symbolic link
 * included, so the target must be absent or a regular file: checked before writing and
 * again just before the rename. (Callers that follow links resolve them first: see
 * out-target.ts.)
 */
export async function writeFileAtomically(path: string, bytes: Uint8Array, shownAs = path): Promise<void> {
  const dir = dirname(path);
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw new OutputError(`cannot create the folder for ${shownAs}: ${reason(error)}.`);
  }
  await refuseAnythingButAFile(path, shownAs);
  const temporary = join(dir, `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  // Interrupted between creating the temporary file and the rename, nothing else would remove it.
  const done = cleanUpOnSignal(() => rmSync(temporary, { force: true }));
  try {
    const handle = await open(temporary, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await refuseAnythingButAFile(path, shownAs);
    await rename(temporary, path);
    await removeAbandonedTemporaries(dir, basename(path));
  } catch (error) {
    await rm(temporary, { force: true });
    if (error instanceof OutputError) throw error;
    throw new OutputError(`cannot write ${shownAs}: ${reason(error)}. The previous file, if any, is unchanged.`);
  } finally {
    done();
  }
}

/**
 * A temporary file of this target's older than this was left by a process killed (SIGKILL,
 * a power cut) between writing and renaming it: no handler could remove it then. A live
 * writer renames within seconds.
 */
const ABANDONED_AFTER_MS = 10 * 60 * 1000;

/** Best effort: removes only names this writer makes for this target (`.<name>.<8 hex>.tmp`). */
async function removeAbandonedTemporaries(dir: string, name: string): Promise<void> {
  const prefix = `.${name}.`;
  const ours = (entry: string) => entry.startsWith(prefix) && entry.endsWith('.tmp') && /^[0-9a-f]{8}$/.test(entry.slice(prefix.length, -'.tmp'.length));
  const abandonedBefore = Date.now() - ABANDONED_AFTER_MS;
  try {
    for (const entry of await readdir(dir)) {
      if (!ours(entry)) continue;
      const info = await lstat(join(dir, entry)).catch(() => undefined);
      if (info?.isFile() && info.mtimeMs < abandonedBefore) await rm(join(dir, entry), { force: true });
    }
  } catch {
    // A folder that cannot be listed: the PDF is written, which is what was asked.
  }
}

async function refuseAnythingButAFile(path: string, shownAs: string): Promise<void> {
  const info = await lstat(path).catch(() => undefined);
  if (info && !info.isFile()) {
    throw new OutputError(`cannot write ${shownAs}: it is ${info.isSymbolicLink() ? 'a symbolic link' : info.isDirectory() ? 'a folder' : 'not a regular file'}, and only a regular file or a new path is replaced.`);
  }
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const known: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EISDIR: 'it is a folder',
    ENOTDIR: 'a part of the path is a file, not a folder',
    ENOSPC: 'the disk is full',
    EROFS: 'the file system is read-only',
  };
  return (code && known[code]) ?? (error instanceof Error ? error.message : String(error));
}
