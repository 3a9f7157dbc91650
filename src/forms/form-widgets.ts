import type { LaidOutNode } from '../engine/engine.js';
import { ruledLinesOf } from '../engine/fill-sheet.js';
import type { FormFieldsOf, PdfForm } from './pdf-form.js';

type Box = NonNullable<LaidOutNode['box']> & { top?: number; paddingTop?: number; paddingLeft?: number; paddingRight?: number; paddingBottom?: number };
type Node = LaidOutNode & { box?: Box; style?: Record<string, unknown> };

/**
 * The step that puts a sheet's form fields on it, once its writing lines are final
 * (after fill-sheet.ts has grown them and the back's margins are mirrored): every node
 * with a `formFields` prop (a writing area's painted paragraph, a grid, a title line)
 * gets a canvas of its own size beside it, which draws its fields when react-pdf paints
 * it, so each widget lands on its sheet in the coordinates the node was drawn in.
 */
export function placeFormFields(sheet: Node, form: PdfForm): void {
  const holders: { parent: Node; node: Node }[] = [];
  const visit = (node: Node) => {
    for (const child of (node.children ?? []) as Node[]) {
      if (typeof child.props?.formFields === 'function') holders.push({ parent: node, node: child });
      visit(child);
    }
  };
  visit(sheet);
  for (const { parent, node } of holders) {
    const children = parent.children!;
    children.splice(children.indexOf(node) + 1, 0, widgetCanvas(node, form));
  }
}

function widgetCanvas(node: Node, form: PdfForm): Node {
  const box = node.box!;
  const width = box.width - (box.paddingLeft ?? 0) - (box.paddingRight ?? 0);
  const height = box.height - (box.paddingTop ?? 0) - (box.paddingBottom ?? 0);
  const ruledLines = ruledLinesOf(node);
  const fields = (node.props!.formFields as FormFieldsOf)({ width, height, ...(ruledLines !== undefined ? { ruledLines } : {}) });
  return {
    type: 'CANVAS',
    style: {},
    props: { paint: () => form.addWidgets(fields) },
    // Only where it lies: a copy of the node's borders would be drawn again.
    box: { top: box.top ?? 0, left: box.left ?? 0, width: box.width, height: box.height, paddingTop: box.paddingTop ?? 0, paddingLeft: box.paddingLeft ?? 0, paddingRight: box.paddingRight ?? 0, paddingBottom: box.paddingBottom ?? 0 } as Box,
    children: [],
  };
}
