import { ContentError, sortIssues } from '../errors.js';
import { loadContentFiles } from './load.js';
import type { Content } from './model.js';
import { validateContent } from './validate.js';

/** load + validate: the content a build can trust, or a ContentError listing every problem. */
export async function readContent(extraDirs: readonly string[] = [], cwd = process.cwd()): Promise<Content> {
  const files = await loadContentFiles(extraDirs, cwd);
  const { content, issues } = validateContent(files);
  if (issues.length > 0) throw new ContentError(sortIssues(issues));
  return content;
}
