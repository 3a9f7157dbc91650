import { lstat, open, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, isAbsolute } from 'node:path';
import { OutputError } from '../errors.js';
import { producedByPrepPack } from './prep-pack-pdf.js';

/** The files a build reads, so that its PDF is never written over one of them. */
export interface BuildInputs {
  /** Content folders: every .md file under them is (or may become) content. */
  contentDirs: string[];
  /** Single files: the template, the stories file, the pack file. */
  files: { path: string; what: string }[];
}

/**
 * Where `--out` may write, checked before a build spends time rendering:
 * - a new path, or an existing regular file; never a device, FIFO, socket or folder
 *   (rename(2) would replace it: as root, `--out /dev/null` would turn /dev/null into a PDF);
 * - a symbolic link is followed, and what it points to must pass the same checks; the PDF
 *   is written there and the link is kept;
 * - never one of the build's own inputs (compared by real path, so `./x`, `../dir/x` and
 *   links to them are all the same file);
 * - an existing file only if it is empty or a PDF prep-pack made (its Producer says so):
 *   anything else may be someone's work.
 * Returns the real path to write to.
 */
export async function checkOutTarget(path: string, inputs: BuildInputs, shownAs: string): Promise<string> {
  const link = await lstat(path).catch(() => undefined);
  let target = path;
  if (link?.isSymbolicLink()) {
    target = await realpath(path).catch(() => {
      throw new OutputError(`--out ${shownAs} is a symbolic link to nothing; remove it or choose another --out.`);
    });
  }
  const existing = await stat(target).catch(() => undefined);
  if (existing && !existing.isFile()) {
    throw new OutputError(`--out ${shownAs} is ${kindOf(existing)}, not a file: prep-pack writes only to a regular file or a new path.`);
  }
  const real = existing ? target : await realPathOfNewFile(target);
  const input = await inputAt(real, inputs);
  if (input) throw new OutputError(`--out ${shownAs} is ${input} of this build; prep-pack never writes over its inputs. Choose another --out.`);
  if (existing && existing.size > 0 && !(await isPrepPackPdf(real))) {
    throw new OutputError(
      `--out ${shownAs} already exists and is not a PDF made by prep-pack (or it is damaged); prep-pack replaces only its own PDFs. Delete it first if you mean to replace it, or choose another --out.`,
    );
  }
  return real;
}

async function isPrepPackPdf(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    return producedByPrepPack(await handle.readFile());
  } finally {
    await handle.close();
  }
}

async function inputAt(real: string, inputs: BuildInputs): Promise<string | undefined> {
  for (const file of inputs.files) {
    if ((await realpath(file.path).catch(() => file.path)) === real) return file.what;
  }
  if (!/\.md$/i.test(real)) return undefined;
  for (const dir of inputs.contentDirs) {
    const inside = relative(await realpath(dir).catch(() => dir), real);
    if (inside && !inside.startsWith('..') && !isAbsolute(inside)) return 'a content file';
  }
  return undefined;
}

/** The real path a file not yet made would have: its nearest existing folder's real path, and the rest. */
async function realPathOfNewFile(path: string): Promise<string> {
  const missing: string[] = [];
  let dir = path;
  for (;;) {
    const real = await realpath(dir).catch(() => undefined);
    if (real) return join(real, ...missing.reverse());
    if (dirname(dir) === dir) return path;
    missing.push(basename(dir));
    dir = dirname(dir);
  }
}

function kindOf(info: Awaited<ReturnType<typeof stat>>): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}
