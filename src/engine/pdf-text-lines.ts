import { glyphOf, type Line, type MeasuredFont, type StyledRun } from './line-break.js';

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
  decorationLines: Stroke[];
}

/**
 * A straight horizontal stroke drawn with a line of text, in the line's own coordinates:
 * react-pdf's underlines. `rect.y` is the stroke's centre, `rect.height` its thickness.
 */
export interface Stroke {
  rect: { x: number; y: number; width: number; height: number };
  color: string;
  style: 'solid';
}

/** A stroke from (x, y) to the right, `thickness` thick, centred on y. */
export function stroke(x: number, y: number, width: number, thickness: number, color: string): Stroke {
  return { rect: { x, y, width, height: thickness }, color, style: 'solid' };
}

interface PdfTextRun {
  attributes: { font: MeasuredFont[]; fontSize: number; color: string; backgroundColor?: string };
  glyphs: ReturnType<MeasuredFont['glyphForCodePoint']>[];
  positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[];
  xAdvance: number;
  height: number;
  descent: number;
}

export interface PdfTextLayout {
  lineHeight: number;
  /** The width of the box the lines are drawn in. */
  width: number;
  align: 'left' | 'center' | 'right';
  /** Every line starts this far in; the marker, if any, sits in that space on the first line. */
  indent: number;
  marker?: StyledRun<RunPaint> | TickBox;
  /** Ruled lines under the text, to write on: the first `spacing` below the last line of text. */
  rules?: Rules;
}

export interface Rules {
  count: number;
  spacing: number;
  thickness: number;
  color: string;
}

/** A square to tick by hand (or ticked), as a list marker. */
export interface TickBox {
  size: number;
  ticked: boolean;
  color: string;
}

export function toPdfTextLines(lines: readonly Line<RunPaint>[], layout: PdfTextLayout): PdfTextLine[] {
  const pdfLines = textLines(lines, layout);
  const { rules } = layout;
  const last = pdfLines[pdfLines.length - 1];
  if (rules && last) {
    // In the last line's coordinates: its top is `last.box.y` below the paragraph's.
    const textHeight = pdfLines.length * layout.lineHeight;
    for (let rule = 1; rule <= rules.count; rule += 1) {
      last.decorationLines.push(stroke(-last.box.x, textHeight - last.box.y + rule * rules.spacing, layout.width, rules.thickness, rules.color));
    }
  }
  return pdfLines;
}

function textLines(lines: readonly Line<RunPaint>[], layout: PdfTextLayout): PdfTextLine[] {
  const { lineHeight, width, align, indent, marker } = layout;
  return lines.map((line, index) => {
    const slack = Math.max(0, width - indent - line.width);
    const x = indent + (align === 'right' ? slack : align === 'center' ? slack / 2 : 0);
    const runs = line.runs.map((run) => pdfRun(run.text, run, lineHeight));
    if (index === 0 && marker && 'ticked' in marker) {
      return { box: { x, y: 0, width: line.width, height: lineHeight }, ascent: line.ascent, decorationLines: tickBoxStrokes(marker, -x, (lineHeight - marker.size) / 2), runs };
    }
    if (index === 0 && marker && 'text' in marker) {
      // The marker is drawn from the left edge and advances exactly to the indent.
      return { box: { x: 0, y: 0, width: indent + line.width, height: lineHeight }, ascent: line.ascent, decorationLines: [], runs: [pdfRun(marker.text, marker, lineHeight, x), ...runs] };
    }
    return { box: { x, y: index * lineHeight, width: line.width, height: lineHeight }, ascent: line.ascent, decorationLines: [], runs };
  });
}

/**
 * A tick box as the strokes react-pdf draws under text, so that it costs neither a layout
 * node nor a bordered View: a filled square is one stroke as thick as it is wide; an
 * empty one is its four sides, the upright ones being strokes as thick as the box is tall.
 */
function tickBoxStrokes(box: TickBox, left: number, top: number): Stroke[] {
  const edge = 0.75;
  const middle = top + box.size / 2;
  if (box.ticked) return [stroke(left, middle, box.size, box.size, box.color)];
  return [
    stroke(left, top + edge / 2, box.size, edge, box.color),
    stroke(left, top + box.size - edge / 2, box.size, edge, box.color),
    stroke(left, middle, edge, box.size, box.color),
    stroke(left + box.size - edge, middle, edge, box.size, box.color),
  ];
}

/** A run's glyphs with their advances; given `advance`, the last glyph's advance stretches to make the run that wide. */
function pdfRun(text: string, run: StyledRun<RunPaint>, lineHeight: number, advance?: number): PdfTextRun {
  const { font, size, letterSpacing, kerning } = run.face;
  const scale = size / font.unitsPerEm; // fontkit reads unitsPerEm from the head table on every call
  const characters = Array.from(text);
  const glyphs = characters.map((char) => glyphOf(font, char.codePointAt(0)!));
  // Kerning is per UTF-16 unit (kerning.ts): the unit each character starts at.
  const adjustments = kerning?.(text);
  let unit = 0;
  const positions = glyphs.map((glyph, index) => {
    const kern = adjustments ? adjustments[unit]! : 0;
    unit += characters[index]!.length;
    return { xAdvance: (glyph.advanceWidth + kern) * scale + letterSpacing, yAdvance: 0, xOffset: 0, yOffset: 0 };
  });
  const natural = positions.reduce((sum, position) => sum + position.xAdvance, 0);
  const last = positions[positions.length - 1];
  if (last && advance !== undefined) last.xAdvance += advance - natural;
  return {
    attributes: { font: [font], fontSize: size, color: run.style.color, ...(run.style.background ? { backgroundColor: run.style.background } : {}) },
    glyphs,
    positions,
    xAdvance: advance ?? natural,
    height: lineHeight,
    descent: font.descent * scale,
  };
}
