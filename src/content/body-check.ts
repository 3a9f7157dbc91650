import type { Issue } from '../errors.js';
import { readMarkdown } from '../input/read-markdown.js';
import { didYouMean } from '../suggest.js';
import { listItems, parseBody, type Block, type BodySection } from './markdown.js';
import { ATTRIBUTION_SEPARATOR, type BodySpec } from './schema.js';
import type { SourceFile } from './source-file.js';

export interface CheckedBody {
  intro: Block[];
  /** Sections by heading (the part before any attribution), in file order. */
  sections: Map<string, BodySection[]>;
}

/** Checks a body against its fixed headings; returns the sections found and every problem. */
export function checkBody(file: SourceFile, spec: BodySpec): { body: CheckedBody; issues: Issue[] } {
  const markdown = readMarkdown(file.path, file.body, file.bodyLine);
  if (!markdown.ok) return { body: { intro: [], sections: new Map() }, issues: markdown.issues };
  const parsed = parseBody(markdown.tree);
  const issues: Issue[] = [];
  const fileLine = (bodyLine: number) => file.bodyLine + bodyLine - 1;
  const problem = (line: number, field: string | undefined, message: string, hint?: string) =>
    issues.push({ file: file.path, line, column: 1, field, message, hint });

  const known = spec.sections.map((section) => section.heading);
  const sections = new Map<string, BodySection[]>();
  for (const section of parsed.sections) {
    const name = section.heading.split(ATTRIBUTION_SEPARATOR)[0]!.trim();
    const sectionSpec = spec.sections.find((candidate) => candidate.heading === name);
    if (!sectionSpec) {
      const expected = known.length ? `Expected headings: ${known.map((h) => `'## ${h}'`).join(', ')}.` : 'This kind of file takes no "##" headings.';
      problem(fileLine(section.line), `## ${section.heading}`, 'is not a known heading.', [didYouMean(name, known), expected].filter(Boolean).join(' '));
      continue;
    }
    const seen = sections.get(name) ?? [];
    if (seen.length > 0 && !sectionSpec.repeatable) {
      problem(fileLine(section.line), `## ${name}`, `appears twice (first on line ${fileLine(seen[0]!.line)}).`, 'Merge the two sections.');
    }
    sections.set(name, [...seen, section]);

    if (sectionSpec.list) {
      const count = listItems(section.blocks).length;
      if (sectionSpec.minItems !== undefined && count < sectionSpec.minItems) {
        problem(fileLine(section.line), `## ${name}`, `needs a list of at least ${sectionSpec.minItems} item${sectionSpec.minItems === 1 ? '' : 's'} ("- …"), found ${count}.`);
      } else if (sectionSpec.maxItems !== undefined && count > sectionSpec.maxItems) {
        problem(fileLine(section.line), `## ${name}`, `has ${count} items; at most ${sectionSpec.maxItems}.`, 'Keep the strongest ones.');
      }
    } else if (section.blocks.length === 0) {
      problem(fileLine(section.line), `## ${name}`, 'is empty.');
    }
  }

  for (const sectionSpec of spec.sections) {
    if (sectionSpec.required && !sections.has(sectionSpec.heading)) {
      problem(file.bodyLine, `## ${sectionSpec.heading}`, 'is missing.', `Add a '## ${sectionSpec.heading}' section.`);
    }
  }
  if (!spec.intro && parsed.intro.length > 0) {
    problem(fileLine(parsed.introLine), undefined, 'has text before the first heading.', `Put it under one of: ${known.map((h) => `'## ${h}'`).join(', ')}.`);
  }
  return { body: { intro: parsed.intro, sections }, issues };
}

export function sectionBlocks(body: CheckedBody, heading: string): Block[] {
  return (body.sections.get(heading) ?? []).flatMap((section) => section.blocks);
}

export function sectionItems(body: CheckedBody, heading: string): string[] {
  return listItems(sectionBlocks(body, heading));
}
