import { basename } from 'node:path';
import { ContentError, sortIssues, type Issue } from '../errors.js';
import { checkFrontMatter } from '../content/schema-issues.js';
import { parseBody, type Block } from '../content/markdown.js';
import { locateField, parseSourceFile } from '../content/source-file.js';
import { readMarkdown } from '../input/read-markdown.js';
import { templateSchema, type TemplateSection } from './schema.js';
import { checkTemplateSections } from './section-rules.js';

export interface Template {
  name: string;
  file: string;
  description: string;
  /** The pack's name when nothing in the selection names it (a pack with no role). */
  title?: string;
  sections: TemplateSection[];
  /** The file line of each section, to point a warning about its options at it. */
  sectionLines: number[];
  /** The template's own prose, by `##` heading. */
  prose: ReadonlyMap<string, Block[]>;
}

/** Pure: a template file's text → Template, or a ContentError naming every problem in one pass. */
export function parseTemplate(file: string, text: string): Template {
  const parsed = parseSourceFile(file, text);
  if (!parsed.ok) throw new ContentError(parsed.issues);
  const issues: Issue[] = [];
  const checked = checkFrontMatter(parsed.file, templateSchema);
  if (!checked.ok) issues.push(...checked.issues);
  const markdown = readMarkdown(file, parsed.file.body, parsed.file.bodyLine);
  if (!markdown.ok) issues.push(...markdown.issues);
  const body = markdown.ok ? parseBody(markdown.tree) : undefined;
  const prose = new Map((body?.sections ?? []).map((section) => [section.heading, section.blocks]));
  issues.push(...checkTemplateSections(parsed.file, body ? new Set(prose.keys()) : undefined));
  if (issues.length > 0 || !checked.ok) throw new ContentError(sortIssues(issues));
  return {
    name: basename(file).replace(/\.md$/i, ''),
    file,
    description: checked.data.description,
    ...(checked.data.title ? { title: checked.data.title } : {}),
    sections: checked.data.sections,
    sectionLines: checked.data.sections.map((_, index) => locateField(parsed.file, ['sections', index]).line),
    prose,
  };
}
