import { cacheKey, readCache, writeCache } from '../cache.js';
import { ContentError, sortIssues } from '../errors.js';
import { loadContentFiles, type SkipWarning } from './load.js';
import type { Content } from './model.js';

/** load + validate: the content a build can trust, or a ContentError listing every problem. */
export async function readContent(extraDirs: readonly string[] = [], cwd = process.cwd(), warn?: SkipWarning): Promise<Content> {
  const files = await loadContentFiles(extraDirs, cwd, warn);
  const key = cacheKey(...files.flatMap((file) => [String(file.layer), file.kind, file.path, file.text]));
  const cached = await readCache<Content>('content', key);
  if (cached) return cached;
  // Only now load the YAML, Markdown and schema libraries.
  const { validateContent } = await import('./validate.js');
  const { content, issues } = validateContent(files);
  if (issues.length > 0) throw new ContentError(sortIssues(issues));
  await writeCache('content', key, content);
  return content;
}
