import { Canvas } from '@react-pdf/renderer';
import type { PaintedTextSlot } from './engine.js';
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
 * One line of text painted onto a fixed-size canvas by the engine's step between layout
 * and drawing (see engine.ts): for page numbers, known only once the whole document is
 * laid out, and for running headers, which would otherwise be laid out on every page.
 */
export function PaintedText({ text, pageOf, width, fontSize = 9, color = ink.text, align = 'left', bold = false }: PaintedTextProps) {
  const slot: PaintedTextSlot = { paintText: text, ...(pageOf ? { pageOf } : {}), fontSize, color, align, bold };
  return <Canvas style={{ width, height: fontSize * 1.3 }} paint={() => null} {...slot} />;
}
