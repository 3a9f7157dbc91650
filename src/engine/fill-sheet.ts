import type { LaidOutNode } from './engine.js';

/**
 * Writing lines that fill what is left of a sheet. A painted paragraph with flexible rules
 * (`rules.weight`, Paragraph.tsx) is laid out with its minimum of ruled lines; once
 * react-pdf has paginated, the room left at the foot of each sheet is known exactly, and
 * it is shared out as more lines, by weight, to the flexible paragraphs on that sheet.
 * Whatever follows a grown paragraph moves down by as much. Nothing moves to another
 * sheet: only the room already free at the foot is used.
 *
 * react-pdf draws each node relative to its parent's box, so growing a node is: make it
 * and each of its ancestors taller, and move the siblings that follow each one down.
 */

/**
 * What a painted paragraph with flexible rules offers the engine (its canvas's
 * `flexibleRules` prop). Data only: growing it gives the node a new `flexibleRules` with
 * the grown count (`ruledLinesOf`), which is what the node then draws. Nothing is kept in
 * the closures of the component that made it, so the same laid-out page can be filled
 * again from scratch (a copy reused by the page layout cache, page-layouts.ts, or a
 * filler sheet printed twice).
 */
export interface FlexibleRules {
  weight: number;
  spacing: number;
  /** Grows only on a sheet with no other flexible rules (RoomToWrite.tsx). */
  onlyAlone?: boolean;
  /** Lines it has: its minimum as laid out; the grown count once the sheet is filled. */
  count: number;
}

/** How many ruled lines a node with flexible rules draws, once its sheet is filled (undefined: it has none). */
export function ruledLinesOf(node: { props?: Record<string, unknown> }): number | undefined {
  return (node.props?.flexibleRules as FlexibleRules | undefined)?.count;
}

interface Box {
  top?: number;
  height: number;
  paddingBottom?: number;
}

type Node = LaidOutNode & { box?: LaidOutNode['box'] & Box; style?: Record<string, unknown> };

interface Found {
  node: Node;
  /** From the sheet down to the node's parent. */
  ancestors: Node[];
  rules: FlexibleRules;
}

export function fillSheet(sheet: Node): void {
  const all: Found[] = [];
  collect(sheet, [], all);
  const shared = all.filter((item) => !item.rules.onlyAlone);
  const found = shared.length > 0 ? shared : all;
  if (found.length === 0 || !sheet.box) return;
  const spacing = found[0]!.rules.spacing;
  const contentBottom = sheet.box.height - (sheet.box.paddingBottom ?? 0);
  const lowest = Math.max(0, ...inFlow(sheet).map((child) => (child.box?.top ?? 0) + contentExtent(child)));
  // A hair of rounding must not cost a line.
  const extra = Math.floor((contentBottom - lowest + 0.01) / spacing);
  if (extra <= 0) return;
  const added = shareByWeight(
    found.map((item) => ({ lines: item.rules.count, weight: item.rules.weight })),
    extra,
  );
  found.forEach((item, index) => {
    const lines = added[index]!;
    if (lines === 0) return;
    // New props: they may be shared with a copy of the node on another sheet.
    item.node.props = { ...item.node.props, flexibleRules: { ...item.rules, count: item.rules.count + lines } };
    grow(item.node, item.ancestors, lines * item.rules.spacing);
  });
}

/**
 * Hands out `extra` lines one at a time, each to the paragraph with the fewest lines for
 * its weight (the heavier, then the earlier, on a tie): lines end up in proportion to
 * weight as far as the minimums allow.
 */
export function shareByWeight(paragraphs: readonly { lines: number; weight: number }[], extra: number): number[] {
  const lines = paragraphs.map((paragraph) => paragraph.lines);
  for (let handed = 0; handed < extra; handed += 1) {
    let best = 0;
    paragraphs.forEach((paragraph, index) => {
      const share = lines[index]! / paragraph.weight;
      const bestShare = lines[best]! / paragraphs[best]!.weight;
      if (share < bestShare - 1e-9 || (Math.abs(share - bestShare) < 1e-9 && paragraph.weight > paragraphs[best]!.weight)) best = index;
    });
    lines[best]! += 1;
  }
  return lines.map((count, index) => count - paragraphs[index]!.lines);
}

const isFixed = (node: Node) => node.style?.position === 'absolute' || node.props?.fixed === true;
const inFlow = (node: Node) => (node.children ?? []).filter((child) => !isFixed(child as Node)) as Node[];

/**
 * How far down a node's content reaches from its top. A block split across sheets keeps,
 * on the sheet it was split from, the height of the room it was split at (react-pdf's
 * splitNode), though what it holds may end higher: a keep or a block kept whole moved on.
 * A block that draws a border or a background is as tall as its box.
 */
function contentExtent(node: Node): number {
  const children = inFlow(node);
  const style = node.style ?? {};
  const drawsBox = ['borderWidth', 'borderTopWidth', 'borderBottomWidth', 'borderLeftWidth', 'backgroundColor'].some((key) => style[key]);
  if (children.length === 0 || drawsBox) return node.box?.height ?? 0;
  return Math.max(...children.map((child) => (child.box?.top ?? 0) + contentExtent(child)));
}

function collect(node: Node, ancestors: Node[], found: Found[]): void {
  const rules = node.props?.flexibleRules as FlexibleRules | undefined;
  if (rules && node.box) found.push({ node, ancestors, rules });
  for (const child of node.children ?? []) collect(child as Node, [...ancestors, node], found);
}

/** Makes a node `by` points taller, and with it its ancestors below the sheet; what follows each moves down. */
function grow(node: Node, ancestors: readonly Node[], by: number): void {
  let child = node;
  for (let level = ancestors.length - 1; level >= 0; level -= 1) {
    // New boxes: a box may be shared with a copy of the node on another sheet.
    child.box = { ...child.box!, height: child.box!.height + by };
    const parent = ancestors[level]!;
    if (level === 0) break; // the sheet keeps the paper's height
    const siblings = parent.children ?? [];
    const column = parent.style?.flexDirection !== 'row' && parent.style?.flexDirection !== 'row-reverse';
    if (!column) throw new Error('flexible ruled lines must not sit in a row: what follows them could not move down');
    for (const sibling of siblings.slice(siblings.indexOf(child) + 1) as Node[]) {
      if (sibling.box && !isFixed(sibling)) sibling.box = { ...sibling.box, top: (sibling.box.top ?? 0) + by };
    }
    child = parent;
  }
  // The sheet's own in-flow children that follow the top-level ancestor move down too.
  const sheet = ancestors[0]!;
  const topLevel = ancestors[1] ?? node;
  const siblings = sheet.children ?? [];
  for (const sibling of siblings.slice(siblings.indexOf(topLevel) + 1) as Node[]) {
    if (sibling.box && !isFixed(sibling)) sibling.box = { ...sibling.box, top: (sibling.box.top ?? 0) + by };
  }
}
