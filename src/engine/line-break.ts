import LineBreaker from 'linebreak';
import type { Kerning } from './kerning.js';

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
  /** Pair kerning from the font's GPOS (large text only, kerning.ts); without it, advance widths alone. */
  kerning?: Kerning;
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
 * Glyphs per code point, looked up once per font: fontkit finds a glyph through the cmap
 * on every call. Shaping is off (fonts.ts: no GSUB/GPOS), so a text's width is the sum of
 * its glyphs' advances, the same sum react-pdf's and pdfkit's own layout arrive at.
 */
const glyphTables = new WeakMap<MeasuredFont, Map<number, Glyph>>();

export function glyphOf(font: MeasuredFont, codePoint: number): Glyph {
  let table = glyphTables.get(font);
  if (!table) glyphTables.set(font, (table = new Map()));
  let glyph = table.get(codePoint);
  if (!glyph) table.set(codePoint, (glyph = font.glyphForCodePoint(codePoint)));
  return glyph;
}

/** Width in points of text set in one face. */
export function textWidth(text: string, face: TextFace): number {
  const advances = advancesOf(text, face);
  let width = 0;
  for (let index = 0; index < advances.length; index += 1) width += advances[index]!;
  return width;
}

/**
 * The advance of each UTF-16 unit of `text` in points (the second half of a surrogate
 * pair advances 0), so that the width of any slice is a sum over this array.
 */
function advancesOf(text: string, face: TextFace): Float64Array {
  const scale = face.size / face.font.unitsPerEm;
  const advances = new Float64Array(text.length);
  const kerning = face.kerning?.(text);
  for (let index = 0; index < text.length; index += 1) {
    const codePoint = text.codePointAt(index)!;
    advances[index] = (glyphOf(face.font, codePoint).advanceWidth + (kerning ? kerning[index]! : 0)) * scale + face.letterSpacing;
    if (codePoint > 0xffff) index += 1;
  }
  return advances;
}

const isSpace = (code: number) => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x0c || code === 0x2028 || code === 0x2029 || code === 0x3000;

/**
 * Breaks runs of text into lines no wider than `width`, first fit, at the break
 * opportunities of the Unicode line breaking algorithm (UAX #14, from the `linebreak`
 * package pdfkit uses): after spaces and hyphens, never inside a word, always at a
 * newline. Spaces at the end of a line hang past the edge, as in CSS; a word wider than a
 * whole line is cut between characters. (A no-break space is not a space here: it holds
 * words together, and is drawn.)
 */
export function breakLines<S>(runs: readonly StyledRun<S>[], width: number): Line<S>[] {
  const text = runs.map((run) => run.text).join('');
  // end[i] = width of text[0, i): the width of any stretch is one subtraction.
  const end = new Float64Array(text.length + 1);
  let offset = 0;
  for (const run of runs) {
    const advances = advancesOf(run.text, run.face);
    for (let index = 0; index < advances.length; index += 1) end[offset + index + 1] = end[offset + index]! + advances[index]!;
    offset += run.text.length;
  }
  const widthOf = (from: number, to: number) => end[to]! - end[from]!;
  /** Where the stretch [from, to) ends once spaces at its end are left out. */
  const inkEnd = (from: number, to: number) => {
    while (to > from && isSpace(text.charCodeAt(to - 1))) to -= 1;
    return to;
  };

  const lines: [number, number][] = [];
  let lineStart = 0;
  let lineEnd = 0; // the line holds text[lineStart, lineEnd)
  const breaker = new LineBreaker(text);
  for (let opportunity = breaker.nextBreak(); opportunity; opportunity = breaker.nextBreak()) {
    const segmentStart = lineEnd;
    const segmentEnd = opportunity.position;
    if (lineEnd > lineStart && widthOf(lineStart, inkEnd(segmentStart, segmentEnd)) > width) {
      lines.push([lineStart, inkEnd(lineStart, lineEnd)]);
      lineStart = segmentStart;
    }
    if (widthOf(lineStart, inkEnd(lineStart, segmentEnd)) > width) {
      // A word wider than a whole line: cut it where it overflows.
      for (let index = lineStart; index < inkEnd(lineStart, segmentEnd); index += 1) {
        const startsCharacter = (text.charCodeAt(index) & 0xfc00) !== 0xdc00;
        if (index > lineStart && startsCharacter && widthOf(lineStart, index + 1) > width) {
          lines.push([lineStart, index]);
          lineStart = index;
        }
      }
    }
    lineEnd = segmentEnd;
    if (opportunity.required && segmentEnd < text.length) {
      lines.push([lineStart, inkEnd(lineStart, lineEnd)]);
      lineStart = lineEnd;
    }
  }
  // A paragraph's own last space stays (a run ending "— " before a page number painted
  // beside it), as in react-pdf; a final newline does not.
  let lastEnd = lineEnd;
  while (lastEnd > lineStart && (text.charCodeAt(lastEnd - 1) === 0x0a || text.charCodeAt(lastEnd - 1) === 0x0d)) lastEnd -= 1;
  if (lastEnd > lineStart || lines.length === 0) lines.push([lineStart, lastEnd]);
  return lines.map(([from, to]) => placeLine(runs, from, to, widthOf));
}

/**
 * As breakLines, but a paragraph of two lines or more never ends on one word alone (a
 * heading whose last line is "projects?"): the lines are broken again at a narrower
 * width, a step at a time, until the last line holds two words or more, as long as that
 * adds no line. Headings only: each try is a whole line breaking.
 */
export function breakLinesWithoutLoneWord<S>(runs: readonly StyledRun<S>[], width: number): Line<S>[] {
  const lines = breakLines(runs, width);
  if (lines.length < 2 || !isLoneWord(lines[lines.length - 1]!)) return lines;
  const step = width / 50;
  for (let narrower = width - step; narrower > width * 0.6; narrower -= step) {
    const tried = breakLines(runs, narrower);
    if (tried.length > lines.length) break;
    if (!isLoneWord(tried[tried.length - 1]!)) return tried;
  }
  return lines;
}

const isLoneWord = (line: Line<unknown>) => !/\s/.test(line.runs.map((run) => run.text).join('').trim());

/** The line text[from, to) as runs side by side. */
function placeLine<S>(runs: readonly StyledRun<S>[], from: number, to: number, widthOf: (from: number, to: number) => number): Line<S> {
  const placed: PlacedRun<S>[] = [];
  let ascent = 0;
  let runStart = 0;
  for (const run of runs) {
    const start = Math.max(from, runStart);
    const stop = Math.min(to, runStart + run.text.length);
    if (start < stop) {
      placed.push({ text: run.text.slice(start - runStart, stop - runStart), face: run.face, style: run.style, x: widthOf(from, start), width: widthOf(start, stop) });
      ascent = Math.max(ascent, ascentOf(run.face));
    }
    runStart += run.text.length;
  }
  // An empty line (a blank text) still has the baseline of its first run.
  if (placed.length === 0 && runs[0]) ascent = ascentOf(runs[0].face);
  return { runs: placed, width: widthOf(from, to), ascent };
}

const ascentOf = (face: TextFace) => (face.font.ascent * face.size) / face.font.unitsPerEm;
