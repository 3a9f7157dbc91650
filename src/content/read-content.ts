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

/**
 * load + validate: the content a build can trust, or a ContentError listing every problem.
 * Content validated anew is written to the disk cache for later processes; `writeCacheLater`,
 * if given, is handed that write to run when it suits (build.ts: once its PDF is written)
 * in a process that builds again, where an untouched copy is kept anyway (`remember`). In
 * a watch session every save of a question wrote the whole content's JSON to disk, with
 * an fsync, before the PDF (~7 ms of a warm build in a CPU profile, more on a slow disk).
 */
export async function readContent(extraDirs: readonly string[] = [], cwd = process.cwd(), warn?: SkipWarning, writeCacheLater?: (write: () => Promise<void>) => void): Promise<Content> {
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
  const kept = remember(key, content);
  // The copy kept is never handed to a build (a build gets a copy of it), so it is still as validated when written later.
  if (writeCacheLater && lastValidated?.key === key) {
    const untouched = lastValidated.content;
    writeCacheLater(() => writeCache('content', key, untouched));
  } else {
    await writeCache('content', key, content);
  }
  return kept;
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
