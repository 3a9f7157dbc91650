import { Canvas } from '@react-pdf/renderer';
import { layoutInputs } from './page-layouts.js';
import type { Style } from '@react-pdf/types';
import type { PaintedTextSlot, TextLinesOf } from './engine.js';
import { fontFace } from './fonts.js';
import { breakLines } from './line-break.js';
import { dotsBefore, stroke, toPdfTextLines, type PdfTextLine } from './pdf-text-lines.js';
import { ink } from './ink.js';
import { tagProps, type StructureRole } from './tagging.js';
import { leading as leadings, typeScale } from '../render/print-system.js';

/** How slot text looks. */
interface SlotLook {
  fontSize: number;
  color: string;
  bold: boolean;
  leading: number;
  link?: string;
}

interface PaintedTextProps {
  /** The text; {page}, {pages} and {ref} (the page of `pageOf`) are filled in after layout. */
  text: string;
  /** The id of the node whose page `{ref}` prints; the text is then a link to that node. */
  pageOf?: string;
  /** Where a click on the text goes (`#id` or a web address; RunPaint): by default the node of `pageOf`; `false` for none (text inside a <Link> already). */
  link?: string | false;
  width: number | `${number}%`;
  fontSize?: number;
  color?: string;
  align?: 'left' | 'right';
  bold?: boolean;
  /** Dot leaders from the box's left edge to the (right-aligned) text: a contents entry's page number. */
  leader?: boolean;
  /** Line height as a multiple of the size. */
  leading?: number;
  /** Repeated on every sheet of its page, in the flow (a continuation title), rather than placed once. */
  fixed?: boolean;
  /** Box styles only (margins). */
  style?: Style;
  /** Its role in the structure tree (tagging.ts): `P` by default. */
  tag?: StructureRole;
}

/**
 * One line of text in a fixed-size box, filled in by the engine's step between layout and
 * drawing (see engine.ts): page numbers, known only once the whole document is laid out.
 * The line is never broken: a slot is sized for its longest text.
 */
export function PaintedText(props: PaintedTextProps) {
  const { text, pageOf, link = pageOf ? `#${pageOf}` : false, width, fontSize = typeScale.small, color = ink.text, align = 'left', bold = false, leader = false, leading = leadings.caption, fixed = false, style = {}, tag } = props;
  const look: SlotLook = { fontSize, color, bold, leading, ...(link ? { link } : {}) };
  const slot: PaintedTextSlot = pageOf ? { pageOf } : {};
  const textLines: TextLinesOf = (boxWidth, fill) => slotLines(fill(text), look, boxWidth, align, leader);
  return <Canvas fixed={fixed} style={{ ...style, width, height: lineHeightOf(look) }} paint={() => null} {...slot} {...tagProps(tag)} {...({ textLines, ...layoutInputs(PaintedText, props) } as object)} />;
}

interface RunningLineProps {
  /** The text at the inner edge: the left of a front, the right of a mirrored back. */
  inner: string;
  /** The text at the outer edge, where a reader leafing through looks: the right of a front, the left of a back. */
  outer: string;
  /** Where it sits on the page (absolutely placed, repeated on every sheet). */
  style: Style;
  fontSize: number;
  color: string;
  /** A rule under the line, `gap` below the text (the running header's). */
  rule?: { gap: number; thickness: number; color: string };
}

/**
 * A running header or footer: a text at the inner edge and one at the outer edge ({page}
 * and {pages} filled in per sheet), and the header's rule, as one node: it is on every
 * page, where a row of two slots and a bordered View were three. On a back the engine
 * mirrors (see MirrorBacks in engine.ts) the two texts change ends.
 */
export function RunningLine(props: RunningLineProps) {
  const { inner, outer, style, fontSize, color, rule } = props;
  const look = { fontSize, color, bold: false, leading: leadings.caption };
  const lineHeight = lineHeightOf(look);
  const height = rule ? lineHeight + rule.gap + rule.thickness : lineHeight;
  const textLines: TextLinesOf = (width, fill, sheet) => {
    const [atLeft, atRight] = sheet.mirrored ? [outer, inner] : [inner, outer];
    const [leftLine, rightLine] = [slotLines(fill(atLeft), look, width, 'left')[0]!, slotLines(fill(atRight), look, width, 'right')[0]!];
    if (rule) leftLine.decorationLines.push(stroke(-leftLine.box.x, lineHeight + rule.gap + rule.thickness / 2, width, rule.thickness, rule.color));
    return [leftLine, rightLine];
  };
  // Running headers and footers are pagination, not content: artifacts in a tagged PDF.
  return <Canvas fixed style={{ ...style, height }} paint={() => null} {...tagProps('Artifact')} {...({ textLines, ...layoutInputs(RunningLine, props) } as object)} />;
}

const lineHeightOf = (look: SlotLook) => look.fontSize * look.leading;

/** The slot's text on one line, unbroken, placed in a box `width` wide. */
function slotLines(text: string, look: SlotLook, width: number, align: 'left' | 'right', leader = false): PdfTextLine[] {
  const face = { font: fontFace(look.bold ? 700 : 400, false), size: look.fontSize, letterSpacing: 0 };
  const paint = { color: look.color, ...(look.link ? { link: look.link } : {}) };
  return toPdfTextLines(breakLines([{ text, face, style: paint }], Infinity), { lineHeight: lineHeightOf(look), width, align, indent: 0, ...(leader ? { leader: dotsBefore() } : {}) });
}
