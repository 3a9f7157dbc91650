import type { Line, MeasuredFont } from './line-break.js';

/** How a run is painted: its colour, and the shade behind it if any. */
export interface RunPaint {
  color: string;
  background?: string;
}

/**
 * A laid-out line in the shape react-pdf's renderer draws (@react-pdf/render: renderLine
 * and renderRun). Painted paragraphs hand their lines over in this shape so that the
 * glyphs go into the PDF exactly as react-pdf's own text does: the same font subset, the
 * same ToUnicode map (text stays selectable and searchable), no second shaping by pdfkit.
 */
export interface PdfTextLine {
  box: { x: number; y: number; width: number; height: number };
  ascent: number;
  runs: PdfTextRun[];
  decorationLines: [];
}

interface PdfTextRun {
  attributes: { font: MeasuredFont[]; fontSize: number; color: string; backgroundColor?: string };
  glyphs: ReturnType<MeasuredFont['glyphForCodePoint']>[];
  positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[];
  xAdvance: number;
  height: number;
  descent: number;
}

export function toPdfTextLines(lines: readonly Line<RunPaint>[], lineHeight: number, width: number, align: 'left' | 'center' | 'right'): PdfTextLine[] {
  return lines.map((line, index) => {
    const slack = Math.max(0, width - line.width);
    const x = align === 'right' ? slack : align === 'center' ? slack / 2 : 0;
    return {
      box: { x, y: index * lineHeight, width: line.width, height: lineHeight },
      ascent: line.ascent,
      decorationLines: [],
      runs: line.runs.map((run) => {
        const { font, size, letterSpacing } = run.face;
        const glyphs = Array.from(run.text, (char) => font.glyphForCodePoint(char.codePointAt(0)!));
        return {
          attributes: { font: [font], fontSize: size, color: run.style.color, ...(run.style.background ? { backgroundColor: run.style.background } : {}) },
          glyphs,
          positions: glyphs.map((glyph) => ({ xAdvance: (glyph.advanceWidth * size) / font.unitsPerEm + letterSpacing, yAdvance: 0, xOffset: 0, yOffset: 0 })),
          xAdvance: run.width,
          height: lineHeight,
          descent: (font.descent * size) / font.unitsPerEm,
        };
      }),
    };
  });
}
