import { readContent } from '../content/read-content.js';
import { ContentError, type Issue } from '../errors.js';
import { listTemplateNames, loadTemplate } from '../template/load-template.js';
import type { CliIO } from './io.js';

/** check: the content and every shipped template, with all their problems in one report. */
export async function checkCommand(contentDirs: string[], io: CliIO): Promise<void> {
  const issues: Issue[] = [];
  const content = await readContent(contentDirs, io.cwd, (message) => io.stderr(`warning: ${message}\n`)).catch((error: unknown) => {
    if (!(error instanceof ContentError)) throw error;
    issues.push(...error.issues);
    return undefined;
  });
  const templates = await listTemplateNames(contentDirs, io.cwd);
  for (const name of templates) {
    await loadTemplate(name, io.cwd, contentDirs).catch((error: unknown) => {
      if (!(error instanceof ContentError)) throw error;
      issues.push(...error.issues);
    });
  }
  if (issues.length > 0 || !content) throw new ContentError(issues);
  const counts = [
    [content.questions.size, 'questions'],
    [content.roles.size, 'roles'],
    [content.companies.size, 'companies'],
    [content.industries.size, 'industries'],
    [content.competencies.size, 'competencies'],
    [content.tips.size, 'tips'],
    [templates.length, 'templates'],
  ]
    .map(([count, noun]) => `${count} ${noun}`)
    .join(', ');
  io.stdout(`Content is valid: ${counts}.\n`);
}
