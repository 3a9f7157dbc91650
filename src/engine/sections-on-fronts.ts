import { cloneLaidOut } from './clone-laid-out.js';
import type { LaidOutNode } from './engine.js';
import { isBack } from './mirror-backs.js';

/**
 * Printed duplex, a section that starts on a back (an even page) shares its sheet of paper
 * with the end of the section before: it cannot be taken out, filed elsewhere or handed
 * over on its own. So every section starts on a front, and where one would start on a
 * back, a filler sheet goes before it.
 *
 * Which sheet opens a section is known only after pagination, so this runs on the laid-out
 * document, before page numbers, links and mirrored backs are worked out from the sheets'
 * order. The filler is laid out once, as the document's last page (marked `fillerSheet`),
 * taken out here and copied wherever it is needed.
 */

/** A node marked so on a sheet makes that sheet the first of a section. */
export const OPENS_SECTION = 'opensSection';
/** A node marked so makes its sheet the filler: laid out once, printed wherever needed, never where it was laid out. */
export const FILLER_SHEET = 'fillerSheet';

export function startSectionsOnFronts(sheets: LaidOutNode[]): LaidOutNode[] {
  const fillers = sheets.filter((sheet) => holds(sheet, FILLER_SHEET));
  const filler = fillers[0];
  if (fillers.length !== 1 || !filler) {
    throw new Error(`Starting sections on fronts needs exactly one filler sheet laid out, found ${fillers.length}: a bug in prep-pack`);
  }
  const placed: LaidOutNode[] = [];
  for (const sheet of sheets) {
    if (sheet === filler) continue;
    if (holds(sheet, OPENS_SECTION) && isBack(placed.length)) placed.push(cloneLaidOut(filler));
    placed.push(sheet);
  }
  return placed;
}

function holds(node: LaidOutNode, mark: string): boolean {
  return node.props?.[mark] === true || (node.children ?? []).some((child) => holds(child, mark));
}
