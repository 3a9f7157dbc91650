import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { readTextFile } from '../input/read-text-file.js';
import { displayPath, shippedContentDir } from '../paths.js';
import type { ContentFile } from './validate.js';

/**
 * load: the shipped content folder, then each --content folder on top of it, as raw files.
 * Markdown files at a folder's top level (like its README) are documentation, not content.
 */
export async function loadContentFiles(extraDirs: readonly string[] = [], cwd = process.cwd()): Promise<ContentFile[]> {
  const layers = [shippedContentDir, ...extraDirs.map((dir) => resolve(cwd, dir))];
  const files: ContentFile[] = [];
  for (const [layer, root] of layers.entries()) {
    const info = await stat(root).catch(() => undefined);
    if (!info?.isDirectory()) {
      throw new UsageError(`--content ${extraDirs[layer - 1]}: no such folder (looked in ${displayPath(root, cwd)}).`);
    }
    files.push(...(await loadContentFolder(root, layer, cwd)));
  }
  return files;
}

/** One content folder's files: each subfolder is a kind (questions, roles, …). */
export async function loadContentFolder(root: string, layer: number, cwd = process.cwd()): Promise<ContentFile[]> {
  const files: ContentFile[] = [];
  const entries = await readdir(root, { withFileTypes: true });
  for (const entry of entries.filter((e) => e.isDirectory() && !e.name.startsWith('.')).sort(byName)) {
    for (const path of await markdownFilesUnder(join(root, entry.name))) {
      files.push({ layer, kind: entry.name, path: displayPath(path, cwd), text: (await readTextFile(path)) ?? '' });
    }
  }
  return files;
}

async function markdownFilesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const paths: string[] = [];
  for (const entry of entries.sort(byName)) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) paths.push(...(await markdownFilesUnder(path)));
    else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md')) paths.push(path);
  }
  return paths;
}

function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
