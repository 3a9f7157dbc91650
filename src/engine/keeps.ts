import type { LaidOutNode } from './engine.js';
import { nameFixedObject } from './stable-names.js';

/**
 * Keeps: what must not be left at the foot of a sheet without what follows it. A node
 * marked `keepWithNext` (a heading) stays on a sheet only if at least that many lines of
 * what follows it in the flow (text lines and ruled lines, in document order, wherever
 * they sit in the tree) stay on the sheet with it; otherwise the sheet breaks before it.
 *
 * react-pdf's own `minPresenceAhead` asks for points of its next siblings only, and does
 * nothing for a heading that is the first child of a block at the foot (its issues #2658,
 * #3233): it sees no content above it within its parent and takes it to be at the top
 * of the sheet. Keeps are worked out on the whole sheet instead, once per sheet, before
 * react-pdf splits it: the layout patch (react-pdf-layout.patch) asks `limitFor` how far
 * down each node may stay, and breaks or splits it higher up when a keep says so.
 *
 * Keeps chain: a group's title kept with a heading kept with its text breaks before the
 * group's title. A keep never breaks before what is already first on its sheet.
 */

/** What a painted paragraph tells the engine about its lines (its canvas's `lineBottoms` prop). */
export type LineBottoms = (width: number) => number[];

/** The pagination rules the layout patch asks, per sheet (a Page's `breakRules` prop). */
export interface BreakRules {
  /** Given a page as laid out before it is split onto a sheet: how far down each node may stay on that sheet. */
  prepare(page: LaidOutNode): SheetLimits;
}

export interface SheetLimits {
  /**
   * `height` is how far down the sheet's content may go, measured as react-pdf does
   * (from the top of the node's parent). Returns the height to split the node at instead:
   * smaller where a keep starting in the node would be left without what follows it, at
   * or above the node's top to move it whole to the next sheet.
   */
  limitFor(node: LaidOutNode, height: number): number;
}

/** Lines of what follows that a heading keeps with it by default. */
export const KEEP_LINES = 3;

/** For a block (a model answer) split across sheets: at least this many of its lines on either side of the break (blockLimit). */
export const SPLIT_LINES = { orphans: KEEP_LINES, widows: KEEP_LINES } as const;

type Node = LaidOutNode & { box?: { top?: number; height: number; width: number; paddingTop?: number; paddingLeft?: number; paddingRight?: number }; style?: Record<string, unknown> };

interface Placed {
  node: Node;
  top: number;
  bottom: number;
}

interface Keep extends Placed {
  lines: number;
  /** Where what the keep holds with it ends, on the page. */
  end: number;
}

const isFixed = (node: Node) => node.props?.fixed === true;
const inFlow = (node: Node) => ((node.children ?? []) as Node[]).filter((child) => !isFixed(child) && child.box);
/**
 * A block that cannot split (or a row of cells side by side): taken whole when counting
 * lines. One taller than a sheet splits after all (the layout patch): its lines count.
 */
const isWhole = (node: Node, sheetDepth: number) => (node.props?.wrap === false && (node.box?.height ?? 0) <= sheetDepth) || node.style?.flexDirection === 'row';

export const keepRules: BreakRules = {
  prepare(page) {
    const tops = new Map<Node, number>();
    const lines: { bottom: number; owner: Node[] }[] = [];
    const keeps: Keep[] = [];
    const atTop = firstOnSheet(page as Node);
    const pageBox = (page as Node).box as { height: number; paddingTop?: number; paddingBottom?: number } | undefined;
    const sheetDepth = (pageBox?.height ?? Infinity) - (pageBox?.paddingTop ?? 0) - (pageBox?.paddingBottom ?? 0);

    // Every in-flow node's top on the page, and the lines of the flow in document order.
    const visit = (node: Node, parentTop: number, ancestors: Node[]) => {
      const top = parentTop + (node.box?.top ?? 0);
      tops.set(node, top);
      const height = node.box?.height ?? 0;
      const keepLines = node.props?.keepWithNext;
      if (typeof keepLines === 'number' && keepLines > 0 && !atTop.has(node)) keeps.push({ node, top, bottom: top + height, lines: keepLines, end: top + height });
      const owner = [...ancestors, node];
      const bottoms = node.props?.lineBottoms as LineBottoms | undefined;
      const children = inFlow(node);
      if (bottoms) {
        const box = node.box!;
        const width = box.width - (box.paddingLeft ?? 0) - (box.paddingRight ?? 0);
        for (const bottom of bottoms(width)) lines.push({ bottom: top + (box.paddingTop ?? 0) + bottom, owner });
      } else if (isWhole(node, sheetDepth) || children.length === 0) {
        // A whole block counts as enough lines: it comes along whole or not at all.
        if (height > 0) lines.push({ bottom: top + height, owner: isWhole(node, sheetDepth) ? [...owner, WHOLE] : owner });
      } else {
        for (const child of children) visit(child, top, owner);
      }
    };
    for (const child of inFlow(page as Node)) visit(child, 0, []);

    // Each keep's end: the bottom of the last of its lines of what follows (all of them, if fewer).
    for (const keep of keeps) {
      const after = lines.filter((line) => !line.owner.includes(keep.node) && line.bottom > keep.bottom + 0.01);
      const wholeAt = after.findIndex((line) => line.owner.includes(WHOLE));
      const count = wholeAt >= 0 && wholeAt < keep.lines ? wholeAt + 1 : keep.lines;
      keep.end = after[Math.min(count, after.length) - 1]?.bottom ?? keep.bottom;
    }
    // Chains, from the last keep up: a keep that holds the start of another holds what that one holds.
    for (let index = keeps.length - 1; index >= 0; index -= 1) {
      const keep = keeps[index]!;
      for (const later of keeps.slice(index + 1)) if (later.top < keep.end + 0.01) keep.end = Math.max(keep.end, later.end);
    }

    return {
      limitFor(node, height) {
        const top = tops.get(node as Node);
        // What is first on its sheet stays: moving it on would only move the same break along.
        if (top === undefined || atTop.has(node as Node)) return height;
        // `height` is measured from the top of the node's parent.
        const parentTop = top - ((node as Node).box?.top ?? 0);
        const bottom = top + ((node as Node).box?.height ?? 0);
        let limit = parentTop + height;
        // The highest keep in this node left without what it holds.
        const broken = keeps.find((keep) => keep.top >= top - 0.01 && keep.top < bottom && keep.top < limit && keep.end > limit + 0.01);
        if (broken) limit = broken.top;
        limit = blockLimit(node as Node, top, bottom, limit, lines);
        return limit - parentTop;
      },
    };
  },
};
// The same rules in every process of this build: pages that use them can be kept on disk (stable-names.ts).
nameFixedObject(keepRules, 'keeps.keepRules');

/**
 * A block with `orphans` or `widows` (a model answer) that splits leaves at least that
 * many of its lines at the foot of the sheet, or at the head of the next: where the split
 * would leave fewer at the head, it splits higher up; where fewer at the foot, the block
 * moves on whole (to its top).
 */
function blockLimit(node: Node, top: number, bottom: number, limit: number, lines: readonly { bottom: number; owner: Node[] }[]): number {
  const orphans = Number(node.props?.orphans ?? 0);
  const widows = Number(node.props?.widows ?? 0);
  if ((!orphans && !widows) || limit <= top || limit >= bottom) return limit;
  const own = lines.filter((line) => line.owner.includes(node)).map((line) => line.bottom);
  let staying = own.filter((lineBottom) => lineBottom <= limit + 0.01).length;
  if (widows && own.length - staying < widows) {
    staying = Math.max(0, own.length - widows);
    limit = staying > 0 ? own[staying - 1]! : top;
  }
  return staying < orphans ? top : limit;
}

/** Stands in a line's owners for "a block taken whole". */
const WHOLE = { type: 'WHOLE' } as Node;

/** The nodes at the very top of a sheet: its first in-flow node with a height, that one's, and so on down. */
function firstOnSheet(page: Node): Set<Node> {
  const first = new Set<Node>();
  let node: Node | undefined = page;
  while (node) {
    node = inFlow(node).find((child) => (child.box?.height ?? 0) > 0.01);
    if (node) first.add(node);
  }
  return first;
}
