import type { Html, Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Issue } from '../errors.js';
import { LIMITS } from './limits.js';

export type ReadMarkdown = { ok: true; tree: Root } | { ok: false; issues: Issue[] };

/**
 * The one way prep-pack parses a Markdown body (content, templates, stories). Raw HTML is
 * refused, since nothing of it would print. Nesting deeper
 * than the limit is refused: first, before parsing, by the width of each line's container
 * markers (the parser's time grows with the square of a line's nesting, so it must not see
 * 10,000 levels), then exactly, on the tree. `firstLine` is the file line the body starts on.
 */
export function readMarkdown(file: string, markdown: string, firstLine: number): ReadMarkdown {
  const fileLine = (bodyLine: number) => firstLine + bodyLine - 1;
  const tooDeep = (line: number): Issue => ({
    file,
    line: fileLine(line),
    column: 1,
    message: `nests lists or quotes more than ${LIMITS.nestingDepth} levels deep, the most prep-pack reads.`,
    hint: 'Flatten the list.',
  });

  const lines = markdown.split('\n');
  const wide = lines.findIndex((line) => containerPrefixColumns(line) > LIMITS.linePrefixColumns);
  if (wide >= 0) return { ok: false, issues: [tooDeep(wide + 1)] };

  const tree = fromMarkdown(markdown);
  const deep = deepestContainer(tree, 0);
  if (deep) return { ok: false, issues: [tooDeep(deep.position?.start.line ?? 1)] };
  const html = rawHtml(tree).map(
    (node): Issue => ({
      file,
      line: fileLine(node.position?.start.line ?? 1),
      column: node.position?.start.column ?? 1,
      message: `has raw HTML ('${node.value.replace(/\s+/g, ' ').slice(0, 40)}'), which a printed workbook cannot show.`,
      hint: 'Write it as Markdown text (an HTML comment <!-- … --> is fine: it is not printed).',
    }),
  );
  if (html.length > 0) return { ok: false, issues: html };
  return { ok: true, tree };
}

/** Columns of indentation, `>`, and list markers (`-`, `*`, `+`, `1.`) a line starts with; a tab counts 4. */
function containerPrefixColumns(line: string): number {
  const prefix = /^(?:[ \t]|>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))*/.exec(line)![0];
  let columns = 0;
  for (const character of prefix) columns += character === '\t' ? 4 : 1;
  return columns;
}

/**
 * HTML in a body, other than comments. It used to vanish from the PDF without a word, and a
 * list item holding only HTML became an empty prompt; refusing it means nothing is lost.
 */
function rawHtml(node: Nodes): Html[] {
  if (node.type === 'html') return node.value.trimStart().startsWith('<!--') ? [] : [node];
  return 'children' in node ? node.children.flatMap((child) => rawHtml(child)) : [];
}

/** The first list or quote nested deeper than the limit, if any. */
function deepestContainer(node: Nodes, depth: number): Nodes | undefined {
  const inner = node.type === 'list' || node.type === 'blockquote' ? depth + 1 : depth;
  if (inner > LIMITS.nestingDepth) return node;
  if (!('children' in node)) return undefined;
  for (const child of node.children) {
    const found = deepestContainer(child, inner);
    if (found) return found;
  }
  return undefined;
}
