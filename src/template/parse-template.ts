import { basename } from 'node:path';
import { ContentError, type Issue } from '../errors.js';
import { checkFrontMatter } from '../content/schema-issues.js';
import { parseBody, type Block } from '../content/markdown.js';
import { parseSourceFile } from '../content/source-file.js';
import { readMarkdown } from '../input/read-markdown.js';
import { templateSchema, type TemplateSection } from './schema.js';

export interface Template {
  name: string;
  file: string;
  description: string;
  sections: TemplateSection[];
  /** The template's own prose, by `##` heading. */
  prose: ReadonlyMap<string, Block[]>;
}

/** Pure: a template file's text → Template, or a ContentError naming every problem. */
export function parseTemplate(file: string, text: string): Template {
  const parsed = parseSourceFile(file, text);
  if (!parsed.ok) throw new ContentError(parsed.issues);
  const checked = checkFrontMatter(parsed.file, templateSchema);
  if (!checked.ok) throw new ContentError(checked.issues);
  const markdown = readMarkdown(file, parsed.file.body, parsed.file.bodyLine);
  if (!markdown.ok) throw new ContentError(markdown.issues);
  const body = parseBody(markdown.tree);
  const prose = new Map(body.sections.map((section) => [section.heading, section.blocks]));
  const issues: Issue[] = [];
  checked.data.sections.forEach((section, index) => {
    if (section.type === 'prose' && !prose.has(section.heading)) {
      issues.push({
        file,
        line: parsed.file.bodyLine,
        column: 1,
        field: `sections[${index}].heading`,
        message: `names '${section.heading}', but the body has no '## ${section.heading}' section.`,
        hint: `Headings in the body: ${[...prose.keys()].join(', ') || 'none'}.`,
      });
    }
  });
  if (issues.length > 0) throw new ContentError(issues);
  return { name: basename(file).replace(/\.md$/i, ''), file, description: checked.data.description, sections: checked.data.sections, prose };
}
