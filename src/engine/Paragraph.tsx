import { Canvas } from '@react-pdf/renderer';
import type { Style } from '@react-pdf/types';
import { breakLines, breakLinesWithoutLoneWord, type Line, type StyledRun } from './line-break.js';
import { dotsAfter, toPdfTextLines, type PdfTextLayout, type RunPaint } from './pdf-text-lines.js';
import type { TextLinesOf } from './engine.js';
import type { FlexibleRules } from './fill-sheet.js';
import { lineFieldName } from '../forms/field-names.js';
import type { FormFieldsOf } from '../forms/pdf-form.js';
import { wrapForFields } from '../forms/wrap-text.js';
import { fontFace, kerningFor, type Weight } from './fonts.js';
import { KERNING_FROM, leading as LEADING, typeScale } from '../render/print-system.js';
import { ink, rule } from './ink.js';
import { KEEP_LINES, type LineBottoms } from './keeps.js';
import { tagProps, type StructureRole } from './tagging.js';
import { layoutInputs } from './page-layouts.js';

/** How a run of text looks; what a run leaves out it takes from its paragraph. */
export interface RunLook {
  size?: number;
  weight?: Weight;
  italic?: boolean;
  color?: string;
  letterSpacing?: number;
  /** A shaded box behind the run, the height of the line (labels). */
  background?: string;
  /** A link on the run: `#id` goes to the node with that id, anything else is a web address (RunPaint). */
  link?: string;
}

export type RunSpec = string | ({ text: string } & RunLook);

export interface ParagraphProps extends RunLook {
  /** The text, or runs of differently styled text (a label and its hint). */
  text: string | readonly RunSpec[];
  /** Line height as a multiple of the paragraph's size. */
  leading?: number;
  align?: 'left' | 'center' | 'right';
  /** Never end on one word alone on a line of its own (headings): see breakLinesWithoutLoneWord. */
  avoidLoneWord?: boolean;
  /** A list marker hung in the margin, a character ("•") or a tick box: every line is indented by `indent` points. */
  marker?: { text: string; indent: number } | { tickBox: 'empty' | 'ticked'; size: number; indent: number };
  /**
   * Ruled lines to write on under the text, drawn with it: one node for a prompt and its
   * lines. With a weight, `count` is a minimum: the engine adds lines, by weight, from the
   * room left at the foot of the sheet (fill-sheet.ts).
   */
  rules?: { count: number; spacing: number; weight?: number };
  /**
   * In a fillable pack, a text field on each ruled line (src/forms/): the writing area's
   * field name, the parent of its lines `<name>.1`, `<name>.2`, … (field-names.ts), and
   * what to write there. `text` is text already there (a story's words), wrapped onto
   * the lines as typed: give the area enough lines for it (linesForText).
   */
  field?: WritingField;
  /** Box styles only (margins, width, flex); the text's look is set by the props above. */
  style?: Style;
  id?: string;
  /** Dot leaders after the last line, to the paragraph's right edge (a contents entry; pdf-text-lines.ts). */
  leader?: boolean;
  /** A heading: never left at the foot of a sheet without this many lines of what follows it (`true`: KEEP_LINES; keeps.ts). */
  keepWithNext?: boolean | number;
  /** Its role in the tagged PDF's structure tree (tagging.ts): `P` by default, `LI` for one with a marker, `H1`… for a heading. */
  tag?: StructureRole;
  /**
   * The words as a reader should get them (its element's /ActualText), for text drawn
   * letter-spaced: text extraction puts a space in every gap ("A S K E D"). Letter-spaced
   * text gets its own text by default; give the wording when the drawn text is not it
   * (capitals of a title: "Asked at Google").
   */
  actualText?: string;
}

export interface WritingField {
  name: string;
  tooltip: string;
  text?: string;
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
 * measured with the width yoga offers it (the patch to @react-pdf/layout, react-pdf-layout.patch, lets
 * a canvas measure itself, as a text node does), and its height is its lines. After
 * layout the engine turns it into the text node it stands for, with these lines in
 * react-pdf's own shape (pdf-text-lines.ts), so react-pdf draws the glyphs as it draws
 * its own text. A paragraph taller than the room left on a sheet splits between its
 * lines (splitAt, also through the patch), as react-pdf's text does.
 */
export function Paragraph(props: ParagraphProps) {
  const { text, leading = LEADING.body, align = 'left', avoidLoneWord = false, marker, rules, field, style, id, keepWithNext, leader = false, tag = marker ? 'LI' : undefined, actualText, ...look } = props;
  const base: Required<Omit<RunLook, 'background' | 'link'>> = {
    size: look.size ?? typeScale.body,
    weight: look.weight ?? 400,
    italic: look.italic ?? false,
    color: look.color ?? ink.text,
    letterSpacing: look.letterSpacing ?? 0,
  };
  const specs = typeof text === 'string' ? [text] : text;
  const indent = marker?.indent ?? 0;

  // The runs in their faces, made at the first measure (the fonts are loaded by then).
  let runs: StyledRun<RunPaint>[] | undefined;
  // Lines per width offered: yoga may measure a node at more than one width.
  const laidOut = new Map<number, Line<RunPaint>[]>();
  const linesAt = (width: number) => {
    let lines = laidOut.get(width);
    if (!lines) laidOut.set(width, (lines = (avoidLoneWord ? breakLinesWithoutLoneWord : breakLines)((runs ??= styledRuns(specs, base, look)), width - indent)));
    return lines;
  };
  const measure = (width: number, widthMode: number) => {
    const bounded = widthMode === MEASURE_EXACTLY || widthMode === MEASURE_AT_MOST;
    const lines = linesAt(bounded ? width : Infinity);
    const natural = indent + Math.max(0, ...lines.map((line) => line.width));
    return { width: widthMode === MEASURE_EXACTLY ? width : Math.min(bounded ? width : Infinity, natural), height: partHeight(painting, lines.length, true) };
  };
  // The lines at the width the canvas got. One measured "at most" gets its lines' own
  // width, narrower than it was offered: use the lines measured then rather than break
  // them again at a width that rounding could make a hair too narrow. (One given both
  // width and height is never measured.) `measuredFor` says which measured width's lines
  // those are, breaking none: what the layout files keep of a paragraph (page-layout-files.ts).
  const measuredFor = (width: number) => (laidOut.has(width) ? width : [...laidOut].find(([, measured]) => measured.every((line) => indent + line.width <= width + 0.01))?.[0]);
  const linesLaidOutAt = (width: number) => {
    const source = measuredFor(width);
    return source === undefined ? linesAt(width) : laidOut.get(source)!;
  };
  // The lines broken at `source` (a width measured), from `from` to `to`: a part of the paragraph split across sheets.
  const linesOf = (span: Span) => {
    const lines = linesAt(span.source);
    return span.from === 0 && span.to === lines.length ? lines : lines.slice(span.from, span.to);
  };

  const markerRun = !marker ? undefined : 'text' in marker ? () => styledRuns([marker.text], base, {})[0]! : () => ({ size: marker.size, ticked: marker.tickBox === 'ticked', color: ink.text });
  const painting: Painting = { lineHeight: base.size * leading, align, indent, leader, ...(markerRun ? { marker: markerRun } : {}), ...(rules ? { rules: { ...rules, ...rule } } : {}) };
  // A part's functions, each saying how to make it again from data (`remadeBy`): a sheet
  // read back from the layout files gets them from this paragraph as reconciled anew.
  const remakePart = (source: number, from: number, to: number, first: boolean, last: boolean): PartFunctions => {
    const span = { source, from, to };
    const made = partFunctions(painting, span, { first, last }, pieces);
    for (const [name, made_] of Object.entries(made)) Object.assign(made_, { remadeBy: [remakePart, [source, from, to, first, last], name] });
    return made;
  };
  const pieces: Pieces = { linesOf, remake: (span, part) => remakePart(span.source, span.from, span.to, part.first, part.last) };
  // Read by the engine once layout is done (engine.ts).
  const whole: Part = { first: true, last: true };
  const textLines: TextLinesOf = (width, _fill, _sheet, ruledLines) => drawPart(painting, linesLaidOutAt(width), width, whole, ruledLines);
  const splitAt: SplitAt = (node, height) => {
    const width = contentWidth(node);
    const source = measuredFor(width) ?? width;
    return splitPainted(painting, node, height, { source, from: 0, to: linesAt(source).length }, whole, pieces);
  };
  const lineBottoms: LineBottoms = (width) => partBottoms(painting, linesLaidOutAt(width).length, true);
  // What the layout files keep of this paragraph's lines, and how they give them back, so
  // that a paragraph read back draws without breaking its lines again (laid-out-codec.ts).
  const linesKept = {
    measuredFor,
    keptLines: (source: number): KeptLine[] | undefined =>
      laidOut.get(source)?.map((line) => [line.width, line.ascent, line.runs.map((run) => [runs!.findIndex((styled) => styled.face === run.face && styled.style === run.style), run.text, run.x, run.width])]),
    takeLines: (source: number, kept: KeptLine[]) => {
      if (laidOut.has(source)) return;
      const styled = (runs ??= styledRuns(specs, base, look));
      laidOut.set(
        source,
        kept.map(([width, ascent, placed]) => ({ runs: placed.map(([index, text, x, runWidth]) => ({ text, face: styled[index]!.face, style: styled[index]!.style, x, width: runWidth })), width, ascent })),
      );
    },
    remakePart,
  };
  const words = actualText ?? (isLetterSpaced(specs, look) ? specs.map((spec) => (typeof spec === 'string' ? spec : spec.text)).join('') : undefined);
  const box = { ...(id ? { id } : {}), ...keepProps(keepWithNext), ...tagProps(tag), ...(words !== undefined ? { actualText: words } : {}) };
  const flexibleRules = flexibleRulesOf(painting, rules?.weight);
  const formFields = field && painting.rules ? fieldsOnRules(field, painting.rules) : undefined;
  // Every function above is made by this component from `props` alone (and the loaded fonts): `layoutInputs` says so (page-layouts.ts).
  return <Canvas {...box} style={style ?? {}} paint={() => null} {...({ measure, textLines, splitAt, lineBottoms, ...linesKept, ...(flexibleRules ? { flexibleRules } : {}), ...(formFields ? { formFields } : {}), ...layoutInputs(Paragraph, props) } as object)} />;
}

/** A text field on each ruled line, as many as there are once the sheet is filled: the rules end at the foot of the box (pdf-text-lines.ts). */
function fieldsOnRules(field: WritingField, rules: { count: number; spacing: number }): FormFieldsOf {
  return ({ width, height, ruledLines = rules.count }) => {
    const count = ruledLines;
    const values = field.text ? wrapForFields(field.text, width) : [];
    // More text than lines (a narrower sheet than it was sized for): the last line holds the rest, nothing is lost.
    if (values.length > count) values.splice(count - 1, values.length, values.slice(count - 1).join(' '));
    return Array.from({ length: count }, (_, index) => ({
      name: lineFieldName(field.name, index + 1),
      tooltip: count > 1 ? `${field.tooltip} (line ${index + 1} of ${count})` : field.tooltip,
      areaTooltip: field.tooltip,
      left: 0,
      baseline: height - (count - index - 1) * rules.spacing,
      width,
      ...(values[index] ? { value: values[index] } : {}),
    }));
  };
}

const isLetterSpaced = (specs: readonly RunSpec[], paragraph: RunLook) =>
  (paragraph.letterSpacing ?? 0) > 0 || specs.some((spec) => typeof spec !== 'string' && (spec.letterSpacing ?? 0) > 0);

/** The props that make a node a keep (keeps.ts), for a Paragraph or a View holding a heading. */
export function keepProps(keepWithNext: boolean | number | undefined): { keepWithNext?: number } {
  if (!keepWithNext) return {};
  return { keepWithNext: keepWithNext === true ? KEEP_LINES : keepWithNext };
}

/** What the engine needs to give a paragraph more ruled lines after layout (fill-sheet.ts). */
function flexibleRulesOf(painting: Painting, weight: number | undefined): FlexibleRules | undefined {
  const { rules } = painting;
  if (!rules || weight === undefined) return undefined;
  return { weight, spacing: rules.spacing, count: rules.count };
}

/** How a paragraph's lines are drawn, whole or in the parts it split into across sheets. */
interface Painting {
  lineHeight: number;
  align: 'left' | 'center' | 'right';
  indent: number;
  marker?: () => PdfTextLayout['marker'];
  rules?: PdfTextLayout['rules'];
  leader: boolean;
}

/** The part of a split paragraph: its lines; the marker goes with the first part, the ruled lines with the last. */
interface Part {
  first: boolean;
  last: boolean;
}

/** Where each line of a part ends, text lines then ruled lines, from its top: what keeps count (keeps.ts). */
function partBottoms(painting: Painting, lineCount: number, last: boolean): number[] {
  const bottoms = Array.from({ length: lineCount }, (_, index) => (index + 1) * painting.lineHeight);
  const ruled = last && painting.rules ? painting.rules.count : 0;
  for (let rule = 1; rule <= ruled; rule += 1) bottoms.push(lineCount * painting.lineHeight + rule * painting.rules!.spacing);
  return bottoms;
}

const partHeight = (painting: Painting, lineCount: number, last: boolean) => lineCount * painting.lineHeight + (last && painting.rules ? painting.rules.count * painting.rules.spacing : 0);

/** `ruledLines`: how many the sheet gave a paragraph with flexible rules (fill-sheet.ts); else its own count. */
const drawPart = (painting: Painting, lines: readonly Line<RunPaint>[], width: number, part: Part, ruledLines?: number) =>
  toPdfTextLines(lines, {
    lineHeight: painting.lineHeight,
    width,
    align: painting.align,
    indent: painting.indent,
    ...(part.first && painting.marker ? { marker: painting.marker()! } : {}),
    ...(part.last && painting.rules ? { rules: { ...painting.rules, count: ruledLines ?? painting.rules.count } } : {}),
    ...(part.last && painting.leader ? { leader: dotsAfter(width) } : {}),
  });

/** A canvas node as react-pdf's layout hands it over to be split (see SplitAt). */
export interface LaidOutCanvas {
  props: Record<string, unknown>;
  style?: Record<string, unknown>;
  box: { top: number; width: number; height: number; paddingTop?: number; paddingLeft?: number; paddingRight?: number };
}

/**
 * How a painted paragraph splits across sheets (the layout patch calls it, as it calls
 * splitText for react-pdf's own text): given the height left, measured from the top of
 * its parent's content, the part that stays on this sheet and the part that moves on.
 */
export type SplitAt = (node: LaidOutCanvas, height: number) => [LaidOutCanvas, LaidOutCanvas];

/** As react-pdf's text: no single line left alone at the foot or the head of a sheet. */
const ORPHANS = 2;
const WIDOWS = 2;

const contentWidth = (node: LaidOutCanvas) => node.box.width - (node.box.paddingLeft ?? 0) - (node.box.paddingRight ?? 0);

/** A line as the layout files keep it: its width, its ascent, and each run as the index of the paragraph's run it is part of, its text, x and width. */
type KeptLine = [number, number, [number, string, number, number][]];

/** Which lines of a paragraph a part holds: from `from` to `to` of its lines broken at the width `source`. */
interface Span {
  source: number;
  from: number;
  to: number;
}

/** What a part of a split paragraph is made with: its lines, and the functions of a part. */
interface Pieces {
  linesOf(span: Span): readonly Line<RunPaint>[];
  remake(span: Span, part: Part): PartFunctions;
}

interface PartFunctions {
  measure: (width: number) => { width: number; height: number };
  textLines: TextLinesOf;
  splitAt: SplitAt;
  lineBottoms: LineBottoms;
}

/** A part's functions: its lines are fixed, and it can split again. */
function partFunctions(painting: Painting, span: Span, part: Part, pieces: Pieces): PartFunctions {
  const height = partHeight(painting, span.to - span.from, part.last);
  return {
    measure: (width: number) => ({ width, height }),
    textLines: (width, _fill, _sheet, ruledLines) => drawPart(painting, pieces.linesOf(span), width, part, ruledLines),
    splitAt: (next, room) => splitPainted(painting, next, room, span, part, pieces),
    lineBottoms: () => partBottoms(painting, span.to - span.from, part.last),
  };
}

function splitPainted(painting: Painting, node: LaidOutCanvas, height: number, span: Span, part: Part, pieces: Pieces): [LaidOutCanvas, LaidOutCanvas] {
  const count = span.to - span.from;
  const room = height - node.box.top - (node.box.paddingTop ?? 0);
  // The ruled lines go with the last line of text, so at least one line moves on.
  let keep = Math.max(0, Math.min(Math.floor((room + 0.001) / painting.lineHeight), count - 1));
  if (count - keep < WIDOWS) keep = count - WIDOWS;
  if (keep < ORPHANS) keep = 0;
  const staying = partNode(painting, node, { ...span, to: span.from + keep }, { first: part.first, last: false }, 'stays', keep > 0, pieces);
  const moving = partNode(painting, node, { ...span, from: span.from + keep }, { first: keep === 0 && part.first, last: part.last }, 'moves', keep === 0, pieces);
  return [staying, moving];
}

/** A part of a split paragraph as a canvas of its own: its lines are fixed, and it can split again. */
function partNode(painting: Painting, node: LaidOutCanvas, span: Span, part: Part, side: 'stays' | 'moves', keepsId: boolean, pieces: Pieces): LaidOutCanvas {
  const height = partHeight(painting, span.to - span.from, part.last);
  const props: Record<string, unknown> = { ...node.props, ...pieces.remake(span, part) };
  // The heading a part of is kept only where it starts.
  if (side === 'moves') delete props.keepWithNext;
  // The part that holds the paragraph's start is the one a link to it lands on.
  if (!keepsId) delete props.id;
  // Only the part that draws the ruled lines can grow them.
  if (!part.last) delete props.flexibleRules;
  // The form fields lie on the ruled lines, which go with the last part.
  if (!part.last) delete props.formFields;
  if (side === 'stays') {
    return { ...node, props, box: { ...node.box, height: height + (node.box.paddingTop ?? 0) }, style: { ...node.style, marginBottom: 0, paddingBottom: 0 } };
  }
  return { ...node, props: { ...props, break: false }, box: { ...node.box, top: 0, height }, style: { ...node.style, marginTop: 0, paddingTop: 0 } };
}

/** The runs in their faces; `paragraph` is what every run takes unless it says otherwise: the shade behind it and its link. */
function styledRuns(specs: readonly RunSpec[], base: Required<Omit<RunLook, 'background' | 'link'>>, paragraph: Pick<RunLook, 'background' | 'link'>): StyledRun<RunPaint>[] {
  return specs.map((spec) => {
    const look: RunLook = typeof spec === 'string' ? {} : spec;
    const size = look.size ?? base.size;
    const [weight, italic] = [look.weight ?? base.weight, look.italic ?? base.italic];
    const font = fontFace(weight, italic);
    const paint: RunPaint = { color: look.color ?? base.color };
    const shade = look.background ?? paragraph.background;
    if (shade) paint.background = shade;
    const link = look.link ?? paragraph.link;
    if (link) paint.link = link;
    return { text: typeof spec === 'string' ? spec : spec.text, face: { font, size, letterSpacing: look.letterSpacing ?? base.letterSpacing, ...(size >= KERNING_FROM ? { kerning: kerningFor(weight, italic) } : {}) }, style: paint };
  });
}
