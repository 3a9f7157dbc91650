import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { cacheKey, readCache, writeCache } from '../cache.js';
import { UsageError } from '../errors.js';
import { readTextFile } from '../input/read-text-file.js';
import { displayPath, shippedTemplatesDir } from '../paths.js';
import { didYouMean } from '../suggest.js';
import type { Template } from './parse-template.js';

export type { Template } from './parse-template.js';

/** A name looks in templates/; anything with a slash or ending in .md is a path to the user's own file. */
export async function loadTemplate(nameOrPath: string, cwd = process.cwd()): Promise<Template> {
  const isPath = /[\\/]/.test(nameOrPath) || nameOrPath.endsWith('.md');
  const path = isPath ? resolve(cwd, nameOrPath) : join(shippedTemplatesDir, `${nameOrPath}.md`);
  const text = await readTextFile(path);
  if (text === undefined) {
    if (isPath) throw new UsageError(`--template ${nameOrPath}: no such file (looked for ${displayPath(path, cwd)}).`);
    const known = await listTemplateNames();
    throw new UsageError(
      [`--template ${nameOrPath}: there is no template '${nameOrPath}'.`, didYouMean(nameOrPath, known), `Available templates: ${known.join(', ')}.`, 'Or pass the path of your own template file.']
        .filter(Boolean)
        .join(' '),
    );
  }
  const shown = displayPath(path, cwd);
  const key = cacheKey(shown, text);
  const cached = await readCache<Template>('template', key);
  if (cached) return cached;
  const { parseTemplate } = await import('./parse-template.js');
  const template = parseTemplate(shown, text);
  await writeCache('template', key, template);
  return template;
}

export async function listTemplateNames(): Promise<string[]> {
  const entries = await readdir(shippedTemplatesDir);
  return entries.filter((name) => name.endsWith('.md')).map((name) => name.replace(/\.md$/, '')).sort();
}
