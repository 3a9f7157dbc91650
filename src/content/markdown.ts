import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';

/** The few block shapes a workbook prints. Inline formatting is flattened to text. */
export type Block = { kind: 'paragraph'; text: string } | { kind: 'list'; items: string[] };

export interface BodySection {
  heading: string;
  /** 1-based line in the body (add the file's bodyLine - 1 for the file line). */
  line: number;
  blocks: Block[];
}

export interface ParsedBody {
  /** Blocks before the first `##` heading. */
  intro: Block[];
  introLine: number;
  sections: BodySection[];
}

/** Splits a parsed Markdown body (readMarkdown) at its `##` headings; deeper headings stay inside a section as paragraphs. */
export function parseBody(tree: Root): ParsedBody {
  const body: ParsedBody = { intro: [], introLine: tree.children[0]?.position?.start.line ?? 1, sections: [] };
  let current: Block[] = body.intro;
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth === 2) {
      const section: BodySection = { heading: toString(node).trim(), line: node.position?.start.line ?? 1, blocks: [] };
      body.sections.push(section);
      current = section.blocks;
      continue;
    }
    const block = toBlock(node);
    if (block) current.push(block);
  }
  return body;
}

function toBlock(node: RootContent): Block | undefined {
  if (node.type === 'list') {
    // An item with no text (an image without alt text, a bare "-") is no prompt: it must not count.
    const items = node.children.map((item) => collapse(toString(item, { includeHtml: false }))).filter((item) => item !== '');
    return items.length > 0 ? { kind: 'list', items } : undefined;
  }
  if (node.type === 'html' || node.type === 'thematicBreak' || node.type === 'definition') return undefined;
  const text = collapse(toString(node, { includeHtml: false }));
  return text ? { kind: 'paragraph', text } : undefined;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** All list items of a section, in order (paragraphs are ignored). */
export function listItems(blocks: Block[]): string[] {
  return blocks.flatMap((block) => (block.kind === 'list' ? block.items : []));
}
