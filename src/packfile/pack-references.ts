import { access, realpath } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
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
    const idLists = { questions: content.questions, skip: content.questions, mockQuestions: content.questions, competency: content.competencies } as const;
    for (const [field, known] of Object.entries(idLists)) {
      const listed = (file.frontMatter as Record<string, unknown> | null)?.[field];
      for (const id of Array.isArray(listed) ? listed : []) {
        if (typeof id !== 'string' || known.has(id)) continue;
        problem(field, `'${id}' is not a known ${field === 'competency' ? 'competency' : 'question'} id.`, didYouMean(id, [...known.keys()]) || `See: prep-pack list ${field === 'competency' ? 'competencies' : 'questions'}.`);
      }
    }
  }

  // A pack file is shared (a mentee's, sent to a mentor): what it names is read into the PDF
  // or written over, so it may name only files in its own folder or below it.
  for (const field of ['stories', 'posting', 'template', 'out'] as const) {
    const value = text(field);
    if (value === undefined || value === '-' || (field === 'template' && !/[\\/]|\.md$/.test(value))) continue;
    if (!(await insideFolder(packDir, resolve(packDir, value)))) {
      problem(field, `'${value}' is outside the pack file's folder: a pack file names only files beside it or below it, so that a pack file shared with you reads and writes nothing else.`, `Move the file next to the pack file, or give --${field} on the command line.`);
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
  const editions = Array.isArray(data.editions) ? data.editions.filter((edition): edition is string => typeof edition === 'string') : [];
  if (editions.length > 0) {
    const names = await listTemplateNames(contentDirs, cwd);
    editions.forEach((edition, index) => {
      if (names.includes(edition)) return;
      issues.push({
        file: file.path,
        ...locateField(file, ['editions', index]),
        field: `editions[${index}]`,
        message: `'${edition}' is not a template.`,
        hint: [didYouMean(edition, names), `Available templates: ${names.join(', ')}.`].filter(Boolean).join(' '),
      });
    });
  }
  for (const field of ['stories', 'posting'] as const) {
    const path = text(field);
    if (path !== undefined && !(await exists(resolve(packDir, path)))) problem(field, `'${path}' is not a file (paths are relative to the pack file).`);
  }
  return issues;
}

/** Also through symbolic links: a link beside the pack file to a file elsewhere is elsewhere. */
async function insideFolder(folder: string, path: string): Promise<boolean> {
  // A file still to be written (out) has no real path of its own: its folder's, then.
  const real = async (at: string): Promise<string> => realpath(at).catch(async () => join(await realpath(dirname(at)).catch(() => dirname(at)), basename(at)));
  const rel = relative(await real(folder), await real(path));
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
