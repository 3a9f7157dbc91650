import type { Issue } from '../errors.js';
import { TEMPLATE_LIMITS } from '../input/limits.js';
import { locateField, type SourceFile } from '../content/source-file.js';

/**
 * Rules about a template's list of sections as a whole, checked on the front matter as
 * written, so they are reported together with any schema problem in one pass:
 * how many sections it may list, that each kind prints once, that each prose heading exists.
 */
export function checkTemplateSections(file: SourceFile, bodyHeadings: ReadonlySet<string> | undefined): Issue[] {
  const sections = (file.frontMatter as { sections?: unknown } | null)?.sections;
  if (!Array.isArray(sections)) return [];
  const issues: Issue[] = [];
  const at = (path: (string | number)[]) => ({ file: file.path, ...locateField(file, path) });

  if (sections.length > TEMPLATE_LIMITS.sections) {
    issues.push({
      ...at(['sections']),
      field: 'sections',
      message: `lists ${sections.length} sections; a template may list at most ${TEMPLATE_LIMITS.sections}.`,
      hint: 'Each kind of section prints once; list each one once.',
    });
    return issues; // every other rule would repeat itself thousands of times
  }

  const firstIndex = new Map<string, number>();
  sections.forEach((section: unknown, index) => {
    const { type, heading } = (section ?? {}) as { type?: unknown; heading?: unknown };
    if (typeof type !== 'string') return;
    // Prose sections differ by heading; every other kind of section can appear once.
    const identity = type === 'prose' ? `prose:${String(heading)}` : type;
    const earlier = firstIndex.get(identity);
    if (earlier !== undefined) {
      issues.push({
        ...at(['sections', index, 'type']),
        field: `sections[${index}].type`,
        message: `repeats ${type === 'prose' ? `the prose section '${String(heading)}'` : `'${type}'`} (first at sections[${earlier}], line ${at(['sections', earlier]).line}); a template prints each section once.`,
        hint: type === 'worksheets' ? 'Ask for more worksheets with count (at most 100) instead.' : 'Remove one of the two.',
      });
    } else {
      firstIndex.set(identity, index);
    }
    if (type === 'prose' && typeof heading === 'string' && bodyHeadings && !bodyHeadings.has(heading)) {
      issues.push({
        ...at(['sections', index, 'heading']),
        field: `sections[${index}].heading`,
        message: `names '${heading}', but the body has no '## ${heading}' section.`,
        hint: `Headings in the body: ${[...bodyHeadings].join(', ') || 'none'}.`,
      });
    }
  });
  return issues;
}
