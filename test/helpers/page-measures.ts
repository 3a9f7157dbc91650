import { looks, margins } from '../../src/render/theme.js';
import { sideMargins } from '../../src/render/side-margins.js';
import type { Binding } from '../../src/select/pack.js';
import type { DrawnSheet, DrawnText } from './drawn.js';

/**
 * Measures of a drawn sheet (drawn.ts, mutool trace), in points from its top-left corner,
 * taken from the print constants (theme.ts) rather than from pinned numbers: the text
 * block, what is printed in it, how far that comes to the binding edge.
 */

export const mm = (millimetres: number) => (millimetres / 25.4) * 72;

/** The area inside the margins, where a sheet's flowing content goes; the running header and footer sit outside it. */
export interface TextBlock {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** The binding edge is the left of a front (odd page) and the right of a back (even page). */
const isFront = (sheet: { number: number }) => sheet.number % 2 === 1;

export function textBlockOf(sheet: DrawnSheet, binding: Binding): TextBlock {
  const { left, right } = sideMargins(binding);
  const mirrored = binding === 'left' && !isFront(sheet);
  return { top: margins.top, bottom: sheet.height - margins.bottom, left: mirrored ? right : left, right: sheet.width - (mirrored ? left : right) };
}

/** Text in the text block (not the running header or footer); a descender's worth of slack at the foot. */
export const textInBlock = (sheet: DrawnSheet, block: TextBlock) => sheet.texts.filter((text) => text.y > block.top && text.y - text.size < block.bottom);

/** Horizontal and vertical strokes in the text block: ruled lines, boxes. */
export const strokesInBlock = (sheet: DrawnSheet, block: TextBlock) =>
  sheet.segments.filter((segment) => Math.min(segment.y0, segment.y1) > block.top - 1 && Math.max(segment.y0, segment.y1) < block.bottom + 1);

/** From the top of the text block to the lowest thing printed in it; 0 for a sheet with nothing in it. */
export function contentDepth(sheet: DrawnSheet, block: TextBlock): number {
  const bottoms = [...textInBlock(sheet, block).map((text) => text.y + 0.25 * text.size), ...strokesInBlock(sheet, block).map((segment) => Math.max(segment.y0, segment.y1))];
  return bottoms.length === 0 ? 0 : Math.max(...bottoms) - block.top;
}

/** The share of the text block's depth that a sheet's content fills. */
export const filledShare = (sheet: DrawnSheet, block: TextBlock) => contentDepth(sheet, block) / (block.bottom - block.top);

/** How far above the foot of the text block the lowest thing printed ends. */
export const unusedAtFoot = (sheet: DrawnSheet, block: TextBlock) => block.bottom - block.top - contentDepth(sheet, block);

/** How close the strokes on a sheet (ruled lines, boxes) come to its binding edge; text and links: binding.ts. */
export function strokeClearance(sheet: DrawnSheet): number {
  if (sheet.segments.length === 0) return Infinity;
  const xs = sheet.segments.flatMap((segment) => [segment.x0, segment.x1]);
  return isFront(sheet) ? Math.min(...xs) : sheet.width - Math.max(...xs);
}

/** The running header: the text above the text block, left to right. */
export const runningHeaderOf = (sheet: DrawnSheet, block: TextBlock) =>
  sheet.texts
    .filter((text) => text.y < block.top)
    .sort((a, b) => a.x - b.x)
    .map((text) => text.text)
    .join(' ');

/** A heading as drawn: bold or semibold, at the size of the smallest heading look (h3) or larger. */
export const isHeading = (text: DrawnText) => /Bold|SemiBold/.test(text.font) && text.size >= looks.h3.size - 0.01;

/** The baselines below `y` on a sheet, text lines and ruled lines alike, each once. */
function linesBelow(sheet: DrawnSheet, block: TextBlock, y: number): number[] {
  const baselines = [...textInBlock(sheet, block).map((text) => text.y), ...strokesInBlock(sheet, block).filter((s) => Math.abs(s.y0 - s.y1) < 0.01).map((s) => s.y0)].filter((line) => line > y + 1).sort((a, b) => a - b);
  return baselines.filter((line, index) => index === 0 || line - baselines[index - 1]! > 2);
}

/**
 * Headings left at the foot of a sheet: fewer than `lines` lines printed after the
 * heading on its sheet, while what follows it goes on at the top of the next sheet (that
 * sheet's first text is not a heading of its own).
 */
export function strandedHeadings(sheets: readonly DrawnSheet[], blockOf: (sheet: DrawnSheet) => TextBlock, lines = 3): { page: number; heading: string; linesAfter: number }[] {
  const found: { page: number; heading: string; linesAfter: number }[] = [];
  sheets.forEach((sheet, index) => {
    const next = sheets[index + 1];
    if (!next) return;
    const block = blockOf(sheet);
    const nextFirst = textInBlock(next, blockOf(next)).sort((a, b) => a.y - b.y)[0];
    if (!nextFirst || isHeading(nextFirst) || nextFirst.text === nextFirst.text.toUpperCase()) return;
    const headings = textInBlock(sheet, block).filter(isHeading);
    // A heading of several lines: its last line.
    const last = headings.sort((a, b) => b.y - a.y)[0];
    if (!last) return;
    const after = linesBelow(sheet, block, last.y).filter((line) => !headings.some((heading) => Math.abs(heading.y - line) < 1));
    if (after.length < lines) found.push({ page: sheet.number, heading: last.text, linesAfter: after.length });
  });
  return found;
}
