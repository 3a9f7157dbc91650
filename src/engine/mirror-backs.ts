import type { LaidOutNode } from './engine.js';

/**
 * Facing pages printed duplex: the backs (even sheets) mirror the fronts, so the wide
 * margin is at the binding edge on both. react-pdf lays out every sheet of a page with the
 * same padding (a front's), and which sheet is a back is known only after pagination; the
 * content is as wide on both, so mirroring a back is a move left by `shift` points.
 */
export interface MirrorBacks {
  shift: number;
}

export const isBack = (sheetIndex: number) => sheetIndex % 2 === 1;

/**
 * Moves a sheet's content left. react-pdf draws each node relative to its parent's box, and
 * places links and form widgets from node boxes while drawing, so moving the sheet's
 * top-level children moves everything on it, annotations included.
 */
export function shiftSheetContent(sheet: LaidOutNode, by: number): void {
  for (const child of sheet.children ?? []) {
    // A new box: a node repeated on every sheet (a running line) may share one with the fronts.
    if (child.box) child.box = { ...child.box, left: (child.box.left ?? 0) - by };
  }
}
