import { Canvas } from '@react-pdf/renderer';
import type { TextLinesOf } from './engine.js';
import type { FlexibleRules } from './fill-sheet.js';
import { fontFace, type Weight } from './fonts.js';
import { ink, rule } from './ink.js';
import { breakLines } from './line-break.js';
import { toPdfTextLines, type PdfTextLine } from './pdf-text-lines.js';
import { layoutInputs } from './page-layouts.js';

interface RoomToWriteProps {
  /** Printed in the first line's room, above the ruled lines. */
  caption: string;
  spacing: number;
  size: number;
  weight: Weight;
}

/**
 * Ruled lines that take up no room during layout and are drawn only on a sheet that has
 * no other writing lines to grow (fill-sheet.ts: `onlyAlone`): then they fill what the
 * sheet leaves, under their caption. After a block that moves on whole when it does not
 * fit (a model answer), they turn the sheet it lands on into a sheet to write on, and on
 * a sheet where it did fit they print nothing and take nothing from the lines there.
 */
export function RoomToWrite(props: RoomToWriteProps) {
  const { caption, spacing, size, weight } = props;
  const flexibleRules: FlexibleRules = { weight: 1, spacing, onlyAlone: true, count: 0 };
  // A line's room clear above, the caption in the next, the ruled lines under it: nothing with fewer than three lines.
  const textLines: TextLinesOf = (width, _fill, _sheet, lines = 0) => {
    if (lines < 3) return [];
    const face = { font: fontFace(weight, false), size, letterSpacing: 0 };
    const drawn = toPdfTextLines(breakLines([{ text: caption, face, style: { color: ink.text } }], width).slice(0, 1), { lineHeight: spacing, width, align: 'left', indent: 0, rules: { count: lines - 2, spacing, ...rule } });
    // The caption and its rules (drawn in its line's coordinates) move down together, below
    // an empty first line: react-pdf draws a text's lines from its first line's top.
    for (const line of drawn) line.box.y += spacing;
    const clear: PdfTextLine = { box: { x: 0, y: 0, width: 0, height: spacing }, ascent: 0, runs: [], decorationLines: [] };
    return [clear, ...drawn];
  };
  return <Canvas style={{ height: 0 }} paint={() => null} {...({ textLines, flexibleRules, ...layoutInputs(RoomToWrite, props) } as object)} />;
}
