import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { readContent } from '../content/read-content.js';
import { locateField, type SourceFile } from '../content/source-file.js';
import { ContentError, type Issue } from '../errors.js';
import { didYouMean } from '../suggest.js';
import { listTemplateNames } from '../template/load-template.js';

/**
 * What a pack file names must exist: its role, company and industry in the content, its
 * template, its stories file. Checked here, each at its line and all at once, rather than by
 * the build, which would stop at the first and could not say which line of the pack it was.
 */
export async function checkPackReferences(file: SourceFile, packDir: string, cwd: string, contentDirs: readonly string[]): Promise<Issue[]> {
  const data = (file.frontMatter ?? {}) as Record<string, unknown>;
  const issues: Issue[] = [];
  const problem = (field: string, message: string, hint?: string) => issues.push({ file: file.path, ...locateField(file, [field]), field, message, ...(hint ? { hint } : {}) });
  const text = (field: string) => (typeof data[field] === 'string' && data[field] !== '' ? (data[field] as string) : undefined);

  const content = await readContent(contentDirs, cwd).catch((error: unknown) => {
    if (!(error instanceof ContentError)) throw error;
    issues.push(...error.issues);
    return undefined;
  });
  if (content) {
    const vocabularies = { role: content.roles, company: content.companies, industry: content.industries } as const;
    for (const [field, known] of Object.entries(vocabularies)) {
      const id = text(field);
      if (id === undefined || known.has(id)) continue;
      const ids = [...known.keys()];
      problem(field, `'${id}' is not a known ${field} id.`, [didYouMean(id, ids), `Known: ${ids.join(', ')}.`].filter(Boolean).join(' '));
    }
  }

  const template = text('template');
  if (template !== undefined) {
    if (/[\\/]|\.md$/.test(template)) {
      if (!(await exists(resolve(packDir, template)))) problem('template', `'${template}' is not a file (paths are relative to the pack file).`);
    } else {
      const names = await listTemplateNames(contentDirs, cwd);
      if (!names.includes(template)) problem('template', `'${template}' is not a template.`, [didYouMean(template, names), `Available templates: ${names.join(', ')}.`].filter(Boolean).join(' '));
    }
  }
  const stories = text('stories');
  if (stories !== undefined && !(await exists(resolve(packDir, stories)))) {
    problem('stories', `'${stories}' is not a file (paths are relative to the pack file).`);
  }
  return issues;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
