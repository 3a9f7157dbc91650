import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { cacheKey, readCache, writeCache } from '../cache.js';
import { packagePath, readShippedCache } from '../shipped-cache.js';
import { UsageError } from '../errors.js';
import { readTextFile } from '../input/read-text-file.js';
import { displayPath, shippedTemplatesDir } from '../paths.js';
import { didYouMean } from '../suggest.js';
import type { Template } from './parse-template.js';

export type { Template } from './parse-template.js';

/**
 * Where templates are found by name: each --content folder's `templates/` (the last given
 * first, as for content), then prep-pack's own. `build`, `list templates` and `check` all
 * look here, so they agree on which templates exist.
 */
function templateFolders(contentDirs: readonly string[], cwd: string): string[] {
  return [...contentDirs].reverse().map((dir) => join(resolve(cwd, dir), 'templates')).concat(shippedTemplatesDir);
}

export function isTemplatePath(nameOrPath: string): boolean {
  return /[\\/]/.test(nameOrPath) || nameOrPath.endsWith('.md');
}

/** The file a template name or path stands for (the first folder that has the name), if any. */
export async function findTemplateFile(nameOrPath: string, cwd = process.cwd(), contentDirs: readonly string[] = []): Promise<{ path: string; text: string } | undefined> {
  const candidates = isTemplatePath(nameOrPath) ? [resolve(cwd, nameOrPath)] : templateFolders(contentDirs, cwd).map((dir) => join(dir, `${nameOrPath}.md`));
  for (const path of candidates) {
    const text = await readTextFile(path);
    if (text !== undefined) return { path, text };
  }
  return undefined;
}

/** A name looks in the template folders; anything with a slash or ending in .md is a path to the user's own file. */
export async function loadTemplate(nameOrPath: string, cwd = process.cwd(), contentDirs: readonly string[] = []): Promise<Template> {
  const found = await findTemplateFile(nameOrPath, cwd, contentDirs);
  if (!found) {
    if (isTemplatePath(nameOrPath)) throw new UsageError(`--template ${nameOrPath}: no such file (looked for ${displayPath(resolve(cwd, nameOrPath), cwd)}).`);
    const known = await listTemplateNames(contentDirs, cwd);
    throw new UsageError(
      [`--template ${nameOrPath}: there is no template '${nameOrPath}'.`, didYouMean(nameOrPath, known), `Available templates: ${known.join(', ')}.`, 'Or pass the path of your own template file.']
        .filter(Boolean)
        .join(' '),
    );
  }
  const shown = displayPath(found.path, cwd);
  const key = cacheKey(shown, found.text);
  const cached = (await readCache<Template>('template', key)) ?? (await readShippedCache<Template>('template', cacheKey(packagePath(found.path, cwd), found.text), cwd));
  if (cached) return cached;
  const { parseTemplate } = await import('./parse-template.js');
  const template = parseTemplate(shown, found.text);
  await writeCache('template', key, template);
  return template;
}

/** Every template name a build can use, from all template folders. */
export async function listTemplateNames(contentDirs: readonly string[] = [], cwd = process.cwd()): Promise<string[]> {
  const names = new Set<string>();
  for (const dir of templateFolders(contentDirs, cwd)) {
    const entries = await readdir(dir).catch(() => [] as string[]);
    for (const name of entries) if (name.endsWith('.md') && !name.startsWith('.')) names.add(name.replace(/\.md$/, ''));
  }
  return [...names].sort();
}
