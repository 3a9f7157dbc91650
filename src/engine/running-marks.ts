import type { LaidOutNode } from './engine.js';

/**
 * What a sheet is about, for its running header: a sheet printed loose (a mentor's pages
 * on a clipboard) must say which question it belongs to, even when it is the second sheet
 * of one. A node carrying a `runningMark` sets the mark of the sheet it lands on; a sheet
 * with none carries on the last mark of an earlier sheet, in its `continued` form. Slots
 * print it as `{mark}`. Like page numbers, it is known only after pagination.
 */
export interface RunningMark {
  /** On the sheet where the node landed: "Q12 · Deciding without data". */
  first: string;
  /** On the sheets after it, up to the next mark: "Q12 (continued) · Deciding without data". */
  continued: string;
}

/** Each sheet's mark, in sheet order; '' before the first. */
export function runningMarks(sheets: LaidOutNode[]): string[] {
  let last: RunningMark | undefined;
  return sheets.map((sheet) => {
    const own = firstMark(sheet);
    if (own) {
      last = lastMark(sheet);
      return own.first;
    }
    return last?.continued ?? '';
  });
}

function marksOn(node: LaidOutNode, found: RunningMark[] = []): RunningMark[] {
  const mark = node.props?.runningMark as RunningMark | undefined;
  if (mark && typeof mark.first === 'string') found.push(mark);
  for (const child of node.children ?? []) marksOn(child, found);
  return found;
}

const firstMark = (sheet: LaidOutNode) => marksOn(sheet)[0];
const lastMark = (sheet: LaidOutNode) => marksOn(sheet).at(-1);
