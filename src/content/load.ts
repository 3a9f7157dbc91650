import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { textFileReader } from '../input/read-text-file.js';
import { displayPath, shippedContentDir } from '../paths.js';
import { CONTENT_KINDS } from './model.js';
import type { ContentFile } from './validate.js';

/** Told about each file a content folder holds that prep-pack does not read, and why. */
export type SkipWarning = (message: string) => void;

/** A content folder's `templates/` holds templates, read by the template loader, not content. */
export const TEMPLATES_FOLDER = 'templates';

/**
 * load: the shipped content folder, then each --content folder on top of it, as raw files.
 * A README at a folder's top level is documentation; any other file prep-pack skips is told
 * to `warn`, so that nothing a user wrote is ignored in silence.
 */
export async function loadContentFiles(extraDirs: readonly string[] = [], cwd = process.cwd(), warn: SkipWarning = () => {}): Promise<ContentFile[]> {
  const layers = [shippedContentDir, ...extraDirs.map((dir) => resolve(cwd, dir))];
  const files: ContentFile[] = [];
  const read = textFileReader();
  for (const [layer, root] of layers.entries()) {
    const info = statOrUndefined(root);
    if (!info?.isDirectory()) {
      throw new UsageError(`--content ${extraDirs[layer - 1]}: no such folder (looked in ${displayPath(root, cwd)}).`);
    }
    files.push(...loadContentFolder(root, layer, cwd, warn, read));
  }
  return files;
}

/**
 * One content folder's files: each subfolder is a kind (questions, roles, …). Read
 * synchronously (`textFileReader`): a build waits for its content anyway, and a warm
 * build (a watch session's) read its ~130 files in 3 ms so against 17 ms as promises.
 */
export function loadContentFolder(root: string, layer: number, cwd = process.cwd(), warn: SkipWarning = () => {}, read = textFileReader()): ContentFile[] {
  const files: ContentFile[] = [];
  const skip = (path: string, why: string) => warn(`${displayPath(path, cwd)}: skipped: ${why}`);
  const entries = readdirSync(root, { withFileTypes: true }).filter((entry) => !entry.name.startsWith('.')).sort(byName);
  for (const entry of entries) {
    const path = join(root, entry.name);
    if (entry.isSymbolicLink()) skip(path, 'it is a symbolic link; prep-pack reads only real files and folders. Copy it in instead.');
    else if (entry.isFile() && isMarkdown(entry.name) && entry.name.toLowerCase() !== 'readme.md') {
      skip(path, `content files go in a folder of their kind: ${CONTENT_KINDS.map((kind) => `${kind}/`).join(', ')}.`);
    }
  }
  for (const entry of entries.filter((e) => e.isDirectory() && e.name !== TEMPLATES_FOLDER)) {
    for (const path of markdownFilesUnder(join(root, entry.name), skip)) files.push({ layer, kind: entry.name, path: displayPath(path, cwd), text: read(path) ?? '' });
  }
  return files;
}

function markdownFilesUnder(dir: string, skip: (path: string, why: string) => void): string[] {
  const entries = readdirSync(dir, { withFileTypes: true });
  const paths: string[] = [];
  for (const entry of entries.sort(byName)) {
    if (entry.name.startsWith('.')) continue; // hidden: editor swap files, .DS_Store
    const path = join(dir, entry.name);
    if (entry.isDirectory()) paths.push(...markdownFilesUnder(path, skip));
    else if (entry.isSymbolicLink()) skip(path, 'it is a symbolic link; prep-pack reads only real files and folders. Copy it in instead.');
    else if (entry.isFile() && isMarkdown(entry.name)) paths.push(path);
    else skip(path, 'it is not a Markdown (.md) file.');
  }
  return paths;
}

function statOrUndefined(path: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function isMarkdown(name: string): boolean {
  return name.toLowerCase().endsWith('.md');
}

function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
