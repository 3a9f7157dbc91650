import { Canvas } from '@react-pdf/renderer';
import type { PaintedTextSlot, TextLinesOf } from './engine.js';
import { fontFace } from './fonts.js';
import { breakLines } from './line-break.js';
import { toPdfTextLines } from './pdf-text-lines.js';
import { ink } from './theme.js';

interface PaintedTextProps {
  /** The text; {page}, {pages} and {ref} (the page of `pageOf`) are filled in after layout. */
  text: string;
  pageOf?: string;
  width: number | `${number}%`;
  fontSize?: number;
  color?: string;
  align?: 'left' | 'right';
  bold?: boolean;
}

/**
 * One line of text in a fixed-size box, its text filled in by the engine's step between
 * layout and drawing (see engine.ts): for page numbers, known only once the whole
 * document is laid out, and for running headers, which would otherwise be laid out on
 * every page. The line is never broken: a slot is sized for its longest text.
 */
export function PaintedText({ text, pageOf, width, fontSize = 9, color = ink.text, align = 'left', bold = false }: PaintedTextProps) {
  const lineHeight = fontSize * 1.3;
  const slot: PaintedTextSlot = { slotText: text, ...(pageOf ? { pageOf } : {}) };
  const textLines: TextLinesOf = (boxWidth, slotText) => {
    const face = { font: fontFace(bold ? 700 : 400, false), size: fontSize, letterSpacing: 0 };
    return toPdfTextLines(breakLines([{ text: slotText, face, style: { color } }], Infinity), { lineHeight, width: boxWidth, align, indent: 0 });
  };
  return <Canvas style={{ width, height: lineHeight }} paint={() => null} {...slot} {...({ textLines } as object)} />;
}
