import LineBreaker from 'linebreak';

/** What line breaking needs of a fontkit font. */
export interface MeasuredFont {
  unitsPerEm: number;
  ascent: number;
  descent: number;
  glyphForCodePoint(codePoint: number): Glyph;
}

export interface Glyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

/** A font at a size: everything that decides how wide a piece of text is. */
export interface TextFace {
  font: MeasuredFont;
  size: number;
  letterSpacing: number;
}

/** A run of text in one face; `style` is carried through to painting untouched. */
export interface StyledRun<S> {
  text: string;
  face: TextFace;
  style: S;
}

/** A run's part on one line, with its horizontal position. */
export interface PlacedRun<S> extends StyledRun<S> {
  x: number;
  width: number;
}

export interface Line<S> {
  runs: PlacedRun<S>[];
  width: number;
  /** The tallest ascent on the line, in points: where the baseline sits below the line's top. */
  ascent: number;
}

/**
 * Advance widths in font units, per code point, read once per font. Shaping is off (see
 * fonts.ts: no GSUB/GPOS), so a run's width is the sum of its characters' advances, the
 * same sum react-pdf's and pdfkit's own text layout arrive at.
 */
const advances = new WeakMap<MeasuredFont, Map<number, number>>();

function advanceOf(font: MeasuredFont, codePoint: number): number {
  let table = advances.get(font);
  if (!table) advances.set(font, (table = new Map()));
  let advance = table.get(codePoint);
  if (advance === undefined) table.set(codePoint, (advance = font.glyphForCodePoint(codePoint).advanceWidth));
  return advance;
}

/** Width in points of text set in one face. */
export function textWidth(text: string, face: TextFace): number {
  let units = 0;
  let count = 0;
  for (const char of text) {
    units += advanceOf(face.font, char.codePointAt(0)!);
    count += 1;
  }
  return (units * face.size) / face.font.unitsPerEm + count * face.letterSpacing;
}

/** A stretch of one run, [start, end) in the run's own text. */
interface Piece {
  run: number;
  start: number;
  end: number;
}

/**
 * Breaks runs of text into lines no wider than `width`, first fit, at the break
 * opportunities of the Unicode line breaking algorithm (UAX #14, from the `linebreak`
 * package pdfkit uses): after spaces and hyphens, never inside a word, always at a
 * newline. Spaces at the end of a line hang past the edge, as in CSS; a word wider than a
 * whole line is cut between characters.
 */
export function breakLines<S>(runs: readonly StyledRun<S>[], width: number): Line<S>[] {
  const text = runs.map((run) => run.text).join('');
  const runStarts: number[] = [];
  runs.reduce((offset, run) => (runStarts.push(offset), offset + run.text.length), 0);
  /** Splits [from, to) of the whole text into pieces that each lie in one run. */
  const piecesOf = (from: number, to: number): Piece[] => {
    const pieces: Piece[] = [];
    runs.forEach((run, index) => {
      const start = Math.max(from, runStarts[index]!);
      const end = Math.min(to, runStarts[index]! + run.text.length);
      if (start < end) pieces.push({ run: index, start: start - runStarts[index]!, end: end - runStarts[index]! });
    });
    return pieces;
  };
  const widthOf = (pieces: Piece[]) => pieces.reduce((sum, piece) => sum + textWidth(runs[piece.run]!.text.slice(piece.start, piece.end), runs[piece.run]!.face), 0);

  const lines: Piece[][] = [];
  let line: Piece[] = [];
  let lineWidth = 0;
  const endLine = (atBreak = true) => {
    // Spaces where a line breaks hang past the edge; a paragraph's own last space stays
    // (a run ending "— " before a page number painted beside it), as in react-pdf.
    lines.push(trimEnd(line, runs, atBreak ? /\s+$/ : /[\r\n]+$/));
    line = [];
    lineWidth = 0;
  };
  const breaker = new LineBreaker(text);
  let start = 0;
  for (let opportunity = breaker.nextBreak(); opportunity; opportunity = breaker.nextBreak()) {
    const segment = piecesOf(start, opportunity.position);
    start = opportunity.position;
    const inkWidth = widthOf(trimEnd(segment, runs));
    if (line.length > 0 && lineWidth + inkWidth > width) endLine();
    if (line.length === 0 && inkWidth > width) {
      // A word wider than a whole line: cut it where it overflows.
      for (const piece of segment) {
        for (let index = piece.start; index < piece.end; ) {
          const char = String.fromCodePoint(runs[piece.run]!.text.codePointAt(index)!);
          const charWidth = textWidth(char, runs[piece.run]!.face);
          if (line.length > 0 && lineWidth + charWidth > width && char.trim()) endLine();
          line.push({ run: piece.run, start: index, end: index + char.length });
          lineWidth += charWidth;
          index += char.length;
        }
      }
    } else {
      line.push(...segment);
      lineWidth += widthOf(segment);
    }
    if (opportunity.required && opportunity.position < text.length) endLine();
  }
  if (line.length > 0 || lines.length === 0) endLine(false);
  return lines.map((pieces) => placeLine(mergePieces(pieces), runs));
}

/** The pieces without the whitespace at their end (a newline included), or just without a final newline. */
function trimEnd<S>(pieces: Piece[], runs: readonly StyledRun<S>[], trailing = /\s+$/): Piece[] {
  const trimmed = [...pieces];
  while (trimmed.length > 0) {
    const last = trimmed[trimmed.length - 1]!;
    const kept = runs[last.run]!.text.slice(last.start, last.end).replace(trailing, '');
    if (kept.length > 0) {
      trimmed[trimmed.length - 1] = { ...last, end: last.start + kept.length };
      break;
    }
    trimmed.pop();
  }
  return trimmed;
}

/** Adjacent pieces of the same run, joined: one text call per run and line when painted. */
function mergePieces(pieces: Piece[]): Piece[] {
  const merged: Piece[] = [];
  for (const piece of pieces) {
    const last = merged[merged.length - 1];
    if (last && last.run === piece.run && last.end === piece.start) merged[merged.length - 1] = { ...last, end: piece.end };
    else merged.push(piece);
  }
  return merged;
}

function placeLine<S>(pieces: Piece[], runs: readonly StyledRun<S>[]): Line<S> {
  let x = 0;
  let ascent = 0;
  const placed = pieces.map((piece) => {
    const run = runs[piece.run]!;
    const text = run.text.slice(piece.start, piece.end);
    const width = textWidth(text, run.face);
    const placedRun = { text, face: run.face, style: run.style, x, width };
    x += width;
    ascent = Math.max(ascent, (run.face.font.ascent * run.face.size) / run.face.font.unitsPerEm);
    return placedRun;
  });
  // An empty line (a blank text) still has the height and baseline of its first run.
  if (placed.length === 0 && runs[0]) ascent = (runs[0].face.font.ascent * runs[0].face.size) / runs[0].face.font.unitsPerEm;
  return { runs: placed, width: x, ascent };
}
