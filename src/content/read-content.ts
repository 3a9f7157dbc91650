import { cacheKey, readCache, writeCache } from '../cache.js';
import { keepsForNextBuild } from '../process/builds-again.js';
import { ContentError, sortIssues } from '../errors.js';
import { loadContentFiles, type SkipWarning } from './load.js';
import type { Content } from './model.js';
import type { ContentFile, ContentFileMemo } from './validate.js';
import { packagePath, readShippedCache } from '../shipped-cache.js';

/**
 * What this process validated last, kept for a warm process (a build worker, src/workers/)
 * that builds again and again: the whole content for the same files, and each file's own
 * validation for when only some changed.
 */
let lastValidated: { key: string; content: Content } | undefined;
let fileMemo: ContentFileMemo | undefined;

/** load + validate: the content a build can trust, or a ContentError listing every problem. */
export async function readContent(extraDirs: readonly string[] = [], cwd = process.cwd(), warn?: SkipWarning): Promise<Content> {
  const files = await loadContentFiles(extraDirs, cwd, warn);
  const key = cacheKey(...files.flatMap((file) => [String(file.layer), file.kind, file.path, file.text]));
  // A copy, as the disk cache gives: no build sees objects another build had.
  if (lastValidated?.key === key) return structuredClone(lastValidated.content);
  const cached = (await readCache<Content>('content', key)) ?? (extraDirs.length === 0 ? await readShippedContent(files, cwd) : undefined);
  if (cached) return remember(key, cached);
  // Only now load the YAML, Markdown and schema libraries.
  const { validateContent, newContentFileMemo } = await import('./validate.js');
  fileMemo ??= newContentFileMemo();
  const { content, issues } = validateContent(files, fileMemo);
  if (issues.length > 0) throw new ContentError(sortIssues(issues));
  await writeCache('content', key, content);
  return remember(key, content);
}

/** The shipped content as the package holds it validated (shipped-cache.ts): what a first-ever build reads. */
function readShippedContent(files: readonly ContentFile[], cwd: string): Promise<Content | undefined> {
  const key = cacheKey(...files.flatMap((file) => [String(file.layer), file.kind, packagePath(file.path, cwd), file.text]));
  return readShippedCache<Content>('content', key, cwd);
}

/** Kept (a copy) only in a process that builds again (builds-again.ts): a one-off build would never read it. */
function remember(key: string, content: Content): Content {
  if (keepsForNextBuild()) lastValidated = { key, content: structuredClone(content) };
  return content;
}
