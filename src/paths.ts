import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: where the shipped content/ and templates/ live (works from src/ and dist/). */
export const packageRoot = findPackageRoot(dirname(fileURLToPath(import.meta.url)));
export const shippedContentDir = join(packageRoot, 'content');
export const shippedTemplatesDir = join(packageRoot, 'templates');

function findPackageRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`prep-pack: no package.json above ${start}`);
    dir = parent;
  }
  return dir;
}

/** A path as a user would like to read it: relative to where they ran the command, when inside it. */
export function displayPath(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, resolve(cwd, path));
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : resolve(cwd, path);
}
