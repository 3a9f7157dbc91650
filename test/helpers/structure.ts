import { readFile } from 'node:fs/promises';
import { getDocumentProxy } from 'unpdf';

/**
 * A tagged PDF as a screen reader meets it, read with pdf.js: each page's structure tree
 * (`getStructTree`), with the text of each marked-content sequence it points to
 * (`getTextContent({ includeMarkedContent: true })`), and the text drawn outside any.
 */

export interface StructNode {
  role: string;
  children: StructNode[];
  /** The text of the marked content this element holds directly, in order. */
  text: string;
  /** What a reader reads out for it: its own text and its children's, in their order (a P with a Link inside). */
  reads: string;
  /** Annotations this element holds (OBJR): a Link's link, a Form's widget. */
  annotations: number;
  /** What a reader says instead of, or about, its content: its /ActualText or /Alt (pdf.js gives either as `alt`). */
  alt?: string;
}

export interface PageStructure {
  page: number;
  /** The page's part of the tree, from the structure tree root's children. */
  tree: StructNode[];
  /** Text drawn in a marked-content sequence tagged Artifact. */
  artifacts: string[];
  /** Text drawn outside every marked-content sequence: what a reader of a tagged PDF never gets. */
  untagged: string[];
}

type RawNode = { role?: string; type?: string; id?: string; alt?: string; children?: RawNode[] };
type Item = { type?: string; tag?: string; id?: string | null; str?: string; hasEOL?: boolean };

export async function readStructure(path: string): Promise<PageStructure[]> {
  const pdf = await getDocumentProxy(new Uint8Array(await readFile(path)));
  const pages: PageStructure[] = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const page = await pdf.getPage(number);
    const items = (await page.getTextContent({ includeMarkedContent: true })).items as Item[];
    const textOf = new Map<string, string>();
    const artifacts: string[] = [];
    const untagged: string[] = [];
    const open: Item[] = [];
    for (const item of items) {
      if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') open.push(item);
      else if (item.type === 'endMarkedContent') open.pop();
      else if (typeof item.str === 'string' && item.str.trim() !== '') {
        const marked = [...open].reverse().find((candidate) => candidate.id || candidate.tag === 'Artifact');
        if (!marked) untagged.push(item.str);
        else if (marked.tag === 'Artifact') artifacts.push(item.str);
        // A line that ends is followed by a space, as a reader reads on to the next line.
        else textOf.set(marked.id!, `${textOf.get(marked.id!) ?? ''}${item.str}${item.hasEOL ? ' ' : ''}`);
      }
    }
    const tidy = (text: string) => text.replace(/\s+/g, ' ').trim();
    const convert = (raw: RawNode): StructNode => {
      const kids = raw.children ?? [];
      const children = kids.filter((kid) => kid.role !== undefined).map(convert);
      let child = 0;
      // Marked content is read as drawn, each sequence's text as it is (its spaces are its own).
      const reads = kids.map((kid) => (kid.type === 'content' ? (textOf.get(kid.id!) ?? '') : kid.role !== undefined ? ` ${children[child++]!.reads} ` : '')).join('');
      return {
        role: raw.role ?? '',
        children,
        text: tidy(kids.filter((kid) => kid.type === 'content').map((kid) => textOf.get(kid.id!) ?? '').join(' ')),
        reads: tidy(reads).replace(/ ([,.;:])/g, '$1'),
        annotations: kids.filter((kid) => kid.type === 'annotation' || kid.type === 'object').length,
        ...(raw.alt !== undefined ? { alt: raw.alt } : {}),
      };
    };
    const root = (await page.getStructTree()) as RawNode | null;
    pages.push({ page: number, tree: (root?.children ?? []).map(convert), artifacts, untagged });
  }
  return pages;
}

/**
 * The tree as indented lines, "H2: Q1. Tell me about…": what a screen reader would read
 * out, in its order, each element holding words with all it reads (a P with its Link's
 * words in their place; the Link again below it), its /ActualText or /Alt in parentheses. A row of empty cells
 * is one line ("TR: 19 empty TD"), and so are consecutive rows of them ("… × 23"): a blank
 * grid is hundreds of them.
 */
export function walkLines(nodes: readonly StructNode[], depth = 0): string[] {
  const lines: string[] = [];
  for (let index = 0; index < nodes.length; index += 1) {
    const node = nodes[index]!;
    const empty = emptyCellsOf(node);
    if (empty !== undefined) {
      let rows = 1;
      while (index + rows < nodes.length && emptyCellsOf(nodes[index + rows]!) === empty && nodes[index + rows]!.role === node.role) rows += 1;
      lines.push(`${'  '.repeat(depth)}${node.role}: ${empty}${rows > 1 ? ` (× ${rows})` : ''}`);
      index += rows - 1;
      continue;
    }
    lines.push(`${'  '.repeat(depth)}${node.role}${readsOut(node) ? `: ${node.reads}` : ''}${node.annotations ? ` [${node.annotations} annotation]` : ''}${node.alt !== undefined ? ` ("${node.alt}")` : ''}`);
    lines.push(...walkLines(node.children, depth + 1));
  }
  return lines;
}

/** An element with words of its own, or only inline elements (Links) holding them, is read out on its line; a container (L, LI, Sect) is not. */
const readsOut = (node: StructNode) => node.reads !== '' && (node.text !== '' || node.children.every((child) => child.role === 'Link' || child.role === 'Span'));

/** "19 empty TD" for an element (a row) holding nothing but empty elements of one role, and nothing itself. */
function emptyCellsOf(node: StructNode): string | undefined {
  const cells = node.children;
  if (cells.length === 0 || node.text || node.annotations) return undefined;
  const isEmpty = (cell: StructNode) => cell.role === cells[0]!.role && !cell.text && cell.children.length === 0 && cell.annotations === 0 && cell.alt === undefined;
  return cells.every(isEmpty) ? `${cells.length} empty ${cells[0]!.role}` : undefined;
}
