import type { LaidOutNode } from './engine.js';

/**
 * What is kept of a sheet once it is drawn. react-pdf adds the document's outline (its
 * bookmarks) after drawing every page, from the laid-out tree (addBookmarks in
 * @react-pdf/render); it must add them then, in that order, or the outline's objects would
 * be numbered otherwise and the PDF's bytes would change. Everything else on a drawn
 * sheet (its text lines, glyph positions, styles, canvases and their closures) is done
 * with, so the sheet is replaced by the nodes the outline reads: those with a bookmark and
 * the nodes above them, each with only its bookmark and where its box lies.
 */
export function outlineOfDrawnSheet(sheet: LaidOutNode): LaidOutNode {
  return outlineNode(sheet) ?? { type: sheet.type, children: [] };
}

type Node = LaidOutNode & { box?: LaidOutNode['box'] & { top?: number } };

function outlineNode(node: Node): Node | undefined {
  // react-pdf's addNodeBookmark looks no further into a node without a box or props.
  if (!node.box || !node.props) return undefined;
  const children = (node.children ?? []).map(outlineNode).filter((child): child is Node => child !== undefined);
  const bookmark = node.props.bookmark;
  if (!bookmark && children.length === 0) return undefined;
  return {
    type: node.type,
    box: { width: node.box.width, height: node.box.height, top: node.box.top, left: node.box.left },
    props: bookmark ? { bookmark } : {},
    children,
  };
}
