import { Canvas } from '@react-pdf/renderer';
import type { Style } from '@react-pdf/types';
import { breakLines, type Line, type StyledRun } from './line-break.js';
import { toPdfTextLines, type RunPaint } from './pdf-text-lines.js';
import type { TextLinesOf } from './engine.js';
import { fontFace, type Weight } from './fonts.js';
import { ink, rule } from './ink.js';

/** How a run of text looks; what a run leaves out it takes from its paragraph. */
export interface RunLook {
  size?: number;
  weight?: Weight;
  italic?: boolean;
  color?: string;
  letterSpacing?: number;
  /** A shaded box behind the run, the height of the line (labels). */
  background?: string;
}

export type RunSpec = string | ({ text: string } & RunLook);

export interface ParagraphProps extends RunLook {
  /** The text, or runs of differently styled text (a label and its hint). */
  text: string | readonly RunSpec[];
  /** Line height as a multiple of the paragraph's size. */
  leading?: number;
  align?: 'left' | 'center' | 'right';
  /** A list marker hung in the margin, a character ("•") or a tick box: every line is indented by `indent` points. */
  marker?: { text: string; indent: number } | { tickBox: 'empty' | 'ticked'; size: number; indent: number };
  /** Ruled lines to write on under the text, drawn with it: one node for a prompt and its lines. */
  rules?: { count: number; spacing: number };
  /** Box styles only (margins, width, flex); the text's look is set by the props above. */
  style?: Style;
  id?: string;
  minPresenceAhead?: number;
}

// yoga's MeasureMode values (the measure function's second argument).
const MEASURE_EXACTLY = 1;
const MEASURE_AT_MOST = 2;

/**
 * Text laid out by prep-pack rather than by react-pdf: the workbook's prompts, headings,
 * labels, list items, table cells and short paragraphs. react-pdf's <Text> runs every
 * text node through its whole text engine (attributed strings, bidi, script and font
 * runs, Knuth–Plass, glyph runs), about 0.4 ms a node and most of a workbook's layout
 * time. Left-to-right text in the workbook's one font family needs only advance widths
 * and UAX #14 break opportunities (line-break.ts).
 *
 * How it fits into react-pdf: a <Canvas> stands in for the text during layout. It is
 * measured with the width yoga offers it (the patch to @react-pdf/layout in patches/ lets
 * a canvas measure itself, as a text node does), and its height is its lines. After
 * layout the engine turns it into the text node it stands for, with these lines in
 * react-pdf's own shape (pdf-text-lines.ts), so react-pdf draws the glyphs as it draws
 * its own text. Like any canvas it never splits across pages: long prose that may
 * have to run over onto the next page stays <Text>.
 */
export function Paragraph({ text, leading = 1.4, align = 'left', marker, rules, style, id, minPresenceAhead, ...look }: ParagraphProps) {
  const base: Required<Omit<RunLook, 'background'>> = {
    size: look.size ?? 10,
    weight: look.weight ?? 400,
    italic: look.italic ?? false,
    color: look.color ?? ink.text,
    letterSpacing: look.letterSpacing ?? 0,
  };
  const specs = typeof text === 'string' ? [text] : text;
  const lineHeight = base.size * leading;
  const indent = marker?.indent ?? 0;
  const rulesHeight = rules ? rules.count * rules.spacing : 0;

  // The runs in their faces, made at the first measure (the fonts are loaded by then).
  let runs: StyledRun<RunPaint>[] | undefined;
  // Lines per width offered: yoga may measure a node at more than one width.
  const laidOut = new Map<number, Line<RunPaint>[]>();
  const linesAt = (width: number) => {
    let lines = laidOut.get(width);
    if (!lines) laidOut.set(width, (lines = breakLines((runs ??= styledRuns(specs, base, look.background)), width - indent)));
    return lines;
  };
  const measure = (width: number, widthMode: number) => {
    const bounded = widthMode === MEASURE_EXACTLY || widthMode === MEASURE_AT_MOST;
    const lines = linesAt(bounded ? width : Infinity);
    const natural = indent + Math.max(0, ...lines.map((line) => line.width));
    return { width: widthMode === MEASURE_EXACTLY ? width : Math.min(bounded ? width : Infinity, natural), height: lines.length * lineHeight + rulesHeight };
  };
  // Read by the engine once layout is done (engine.ts): the lines at the width the canvas
  // got. One measured "at most" gets its lines' own width, narrower than it was offered:
  // draw the lines measured then rather than break them again at a width that rounding
  // could make a hair too narrow. (One given both width and height is never measured.)
  const textLines: TextLinesOf = (width) => {
    const lines = laidOut.get(width) ?? [...laidOut.values()].find((measured) => measured.every((line) => indent + line.width <= width + 0.01)) ?? linesAt(width);
    const markerRun = !marker ? undefined : 'text' in marker ? styledRuns([marker.text], base, undefined)[0] : { size: marker.size, ticked: marker.tickBox === 'ticked', color: ink.text };
    const ruled = rules ? { rules: { ...rules, ...rule } } : {};
    return toPdfTextLines(lines, { lineHeight, width, align, indent, ...(markerRun ? { marker: markerRun } : {}), ...ruled });
  };
  const box = { ...(id ? { id } : {}), ...(minPresenceAhead ? { minPresenceAhead } : {}) };
  return <Canvas {...box} style={style ?? {}} paint={() => null} {...({ measure, textLines } as object)} />;
}

function styledRuns(specs: readonly RunSpec[], base: Required<Omit<RunLook, 'background'>>, background: string | undefined): StyledRun<RunPaint>[] {
  return specs.map((spec) => {
    const look: RunLook = typeof spec === 'string' ? {} : spec;
    const size = look.size ?? base.size;
    const font = fontFace(look.weight ?? base.weight, look.italic ?? base.italic);
    const paint: RunPaint = { color: look.color ?? base.color };
    const shade = look.background ?? background;
    if (shade) paint.background = shade;
    return { text: typeof spec === 'string' ? spec : spec.text, face: { font, size, letterSpacing: look.letterSpacing ?? base.letterSpacing }, style: paint };
  });
}
