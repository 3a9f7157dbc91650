import { glyphOf, type Glyph, type Line, type MeasuredFont, type StyledRun } from './line-break.js';

/** How a run is painted: its colour, and the shade behind it if any. */
export interface RunPaint {
  color: string;
  background?: string;
  /**
   * Where a click on the run goes: `#id`, the named destination of the node with that id
   * (a GoTo link), or a web address (a URI link). react-pdf's renderer puts the link
   * annotation over the run's own box as it draws it (renderRun), so the link covers
   * exactly the text that names where it goes, on whichever line the text landed.
   */
  link?: string;
}

/**
 * What a run is in the structure tree (tagging.ts), if not the words of its paragraph: a
 * list item's marker (`Lbl`), or decoration a reader skips (`Artifact`: dot leaders).
 */
export type RunRole = 'Lbl' | 'Artifact';

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
  attributes: { font: MeasuredFont[]; fontSize: number; color: string; backgroundColor?: string; link?: string; role?: RunRole };
  glyphs: Glyph[];
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
  /** Dot leaders on the last line, between its text and the box's edge (see Leader). */
  leader?: Leader;
}

/**
 * Dot leaders, from a contents entry's title to its page number. The dots stand on one
 * grid, `pitch` apart, anchored at `anchor` points from the box's left edge, so that
 * boxes whose edges line up (titles ending where their page numbers' boxes start) print
 * dots that line up down the page. `side` is where the dots go: after the text (`end`), or
 * before it (`start`, right-aligned text).
 */
export interface Leader {
  pitch: number;
  anchor: number;
  side: 'end' | 'start';
  /** Kept clear between the text and the nearest dot. */
  gap: number;
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
  const lastText = lines[lines.length - 1];
  if (layout.leader && lastText) addLeader(pdfLines[pdfLines.length - 1]!, lastText, layout.width, layout.leader);
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
      return { box: { x: 0, y: 0, width: indent + line.width, height: lineHeight }, ascent: line.ascent, decorationLines: [], runs: [pdfRun(marker.text, marker, lineHeight, x, 'Lbl'), ...runs] };
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

/** Where react-pdf's renderer puts a glyph: how far it advances, in points (it never offsets one). */
type GlyphPosition = PdfTextRun['positions'][number];

/**
 * The position of a glyph advancing `xAdvance` points. The common one, a glyph advancing
 * its own width in a face, unkerned, is one frozen object per font, size, spacing and
 * glyph, shared by every run that sets it: react-pdf's renderer only reads positions, and
 * made anew for each glyph of each line on every build they were the largest part of what
 * drawing's young-generation collections copied and promoted (measured with V8's sampling
 * heap profiler). A position that is changed after it is made (a stretched last glyph, a
 * dot leader's) is made with `ownPosition`.
 */
const sharedPositions = new WeakMap<MeasuredFont, Map<string, Map<number, GlyphPosition>>>();

function positionsInFace(font: MeasuredFont, size: number, letterSpacing: number): Map<number, GlyphPosition> {
  let faces = sharedPositions.get(font);
  if (!faces) sharedPositions.set(font, (faces = new Map()));
  const key = `${size} ${letterSpacing}`;
  let positions = faces.get(key);
  if (!positions) faces.set(key, (positions = new Map()));
  return positions;
}

const ownPosition = (xAdvance: number): GlyphPosition => ({ xAdvance, yAdvance: 0, xOffset: 0, yOffset: 0 });

/** A run's glyphs with their advances; given `advance`, the last glyph's advance stretches to make the run that wide. */
function pdfRun(text: string, run: StyledRun<RunPaint>, lineHeight: number, advance?: number, role?: RunRole): PdfTextRun {
  const { font, size, letterSpacing, kerning } = run.face;
  const scale = size / font.unitsPerEm; // fontkit reads unitsPerEm from the head table on every call
  const shared = positionsInFace(font, size, letterSpacing);
  // Kerning is per UTF-16 unit (kerning.ts): the unit each character starts at.
  const adjustments = kerning?.(text);
  const glyphs: Glyph[] = [];
  const positions: GlyphPosition[] = [];
  let natural = 0;
  for (let unit = 0; unit < text.length; ) {
    const codePoint = text.codePointAt(unit)!;
    const glyph = glyphOf(font, codePoint);
    const kern = adjustments ? adjustments[unit]! : 0;
    let position = kern === 0 ? shared.get(glyph.id) : undefined;
    if (!position) {
      position = ownPosition((glyph.advanceWidth + kern) * scale + letterSpacing);
      if (kern === 0) shared.set(glyph.id, Object.freeze(position));
    }
    glyphs.push(glyph);
    positions.push(position);
    natural += position.xAdvance;
    unit += codePoint > 0xffff ? 2 : 1;
  }
  const last = positions.length - 1;
  if (last >= 0 && advance !== undefined) positions[last] = ownPosition(positions[last]!.xAdvance + (advance - natural));
  return {
    attributes: { font: [font], fontSize: size, color: run.style.color, ...(run.style.background ? { backgroundColor: run.style.background } : {}), ...(run.style.link ? { link: run.style.link } : {}), ...(role ? { role } : {}) },
    glyphs,
    positions,
    xAdvance: advance ?? natural,
    height: lineHeight,
    descent: font.descent * scale,
  };
}

/** The leaders prep-pack prints: a dot every 4.5 pt, 3 pt clear of the text. */
export const DOT_LEADER = { pitch: 4.5, gap: 3 } as const;

/** Dots after a box's text up to its right edge, on the grid that `dotsBefore` continues in the box to its right. */
export const dotsAfter = (width: number): Leader => ({ ...DOT_LEADER, anchor: width - DOT_LEADER.pitch / 2, side: 'end' });
/** Dots from a box's left edge to its right-aligned text. */
export const dotsBefore = (): Leader => ({ ...DOT_LEADER, anchor: DOT_LEADER.pitch / 2, side: 'start' });

/** Puts the dots on a line, in its last run's face (its first's, before the text). */
function addLeader(pdfLine: PdfTextLine, line: Line<RunPaint>, width: number, leader: Leader): void {
  const run = leader.side === 'end' ? line.runs[line.runs.length - 1] : line.runs[0];
  if (!run) return;
  const [from, to] = leader.side === 'end' ? [pdfLine.box.x + pdfLine.box.width + leader.gap, width] : [0, pdfLine.box.x - leader.gap];
  const dot = glyphOf(run.face.font, '.'.codePointAt(0)!);
  const dotWidth = (dot.advanceWidth * run.face.size) / run.face.font.unitsPerEm;
  // Dots on the grid that fit whole between `from` and `to`, each centred on its grid point.
  const first = Math.ceil((from + dotWidth / 2 - leader.anchor) / leader.pitch);
  const last = Math.floor((to - dotWidth / 2 - leader.anchor) / leader.pitch);
  if (last < first) return;
  const centres = Array.from({ length: last - first + 1 }, (_, index) => leader.anchor + (first + index) * leader.pitch);
  // Dots and the spaces that place them are decoration, not words ("……… 12"): artifacts.
  const dots = pdfRun('.'.repeat(centres.length), run, pdfLine.box.height, undefined, 'Artifact');
  // The dots' advances put each on its grid point; a run of its own, placed by a leading advance.
  const start = leader.side === 'end' ? pdfLine.box.x + pdfLine.box.width : 0;
  const space = pdfRun(' ', run, pdfLine.box.height, centres[0]! - dotWidth / 2 - start, 'Artifact');
  dots.positions = dots.positions.map((_, index) => ownPosition(index + 1 < centres.length ? leader.pitch : dotWidth));
  dots.xAdvance = (centres.length - 1) * leader.pitch + dotWidth;
  if (leader.side === 'end') {
    pdfLine.runs.push(space, dots);
    pdfLine.box.width += space.xAdvance + dots.xAdvance;
  } else {
    // Before right-aligned text: the line now starts at the left edge of its box.
    const tail = pdfLine.box.x - (centres.at(-1)! + dotWidth / 2);
    const after = pdfRun(' ', run, pdfLine.box.height, tail, 'Artifact');
    pdfLine.runs.unshift(space, dots, after);
    pdfLine.box.width += pdfLine.box.x;
    pdfLine.box.x = 0;
  }
}
