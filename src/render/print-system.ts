/**
 * The print system: every figure the printed page is built from — ruling pitch, margins,
 * type scale, greys, rule widths, box sizes — in one place, each with its reason. The
 * reasons are written out in docs/print-system.md; this file is the one the code reads.
 * Nothing under src/render/ or src/engine/ states a size, pitch or grey of its own.
 *
 * The workbook is printed at home: greyscale, duplexed, on a 600 dpi laser, hole-punched,
 * and written on with a pen. Every figure is chosen for that.
 */

/** Points per millimetre: 72 pt to the inch, 25.4 mm to the inch. */
export const POINTS_PER_MM = 72 / 25.4;
export const mm = (millimetres: number) => millimetres * POINTS_PER_MM;
export const toMm = (points: number) => points / POINTS_PER_MM;

/**
 * The one ruling pitch: the distance between writing lines everywhere (question prompts,
 * STAR boxes, notes pages, scorecard notes, the cheat sheet's story column) and the row
 * height of every grid (story bank, practice log). 22 pt is 7.76 mm: between college
 * ruling (7.1 mm) and wide ruling (8.7 mm), room for a ballpoint's 2.5–3 mm x-height with
 * its ascenders and descenders clear of the lines.
 */
export const PITCH = 22;

/**
 * Margins in points. The inner margin, at the binding edge, clears a hole punch: ISO 838
 * and 3-hole punches put holes 10–13 mm from the edge and need 19 mm (53.9 pt) clear;
 * 62 pt is 21.9 mm. The outer margin (42 pt, 14.8 mm) and the foot (50 pt, 17.6 mm) are
 * above the 5–6 mm a home laser cannot print, with room for the thumb and the folio.
 */
export const margins = { inner: 62, outer: 42, top: 54, bottom: 50 } as const;

/** The running header's baseline box from the paper's top edge, and the footer's from its foot. */
export const runningLines = { headerTop: 22, footerOffset: 22, ruleGap: 3 } as const;

/**
 * The type scale: seven sizes, each a step of about 1.2 to 1.5 from the next, so that a
 * change of size always reads as a change of rank. Nothing is set below 8 pt (a 600 dpi
 * laser holds IBM Plex Sans at 8 pt; 7 pt and less closes up on recycled paper).
 */
export const typeScale = {
  /** Running header and footer, hints, table headers, chips, the cover's small print. */
  caption: 8,
  /** Secondary text: the cheat sheet, labels, table cells, also-asked-as, contents entries. */
  small: 9,
  /** Body text: prose, tips, prompts, lists, model answers. */
  body: 10,
  /** Subheadings (h3): a tip's title, "Follow-up probes", the cover's details. */
  subhead: 12,
  /** Headings (h2) and question headings: kerned (see KERNING_FROM). */
  heading: 15,
  /** Section titles (h1) and the mentor edition's band. */
  title: 22,
  /** The cover's title. */
  display: 30,
} as const;

export type TypeSize = keyof typeof typeScale;
/** Every size the workbook may print, smallest first (the tests read the drawn PDF against it). */
export const TYPE_SIZES: readonly number[] = Object.values(typeScale).sort((a, b) => a - b);

/** Line height as a multiple of the size: tighter for large type, looser for small. */
/** A chip's line (the labels on a question page): its shade is the line's height, a point above and below the letters. */
export const CHIP_LEADING = 1.6;

export const leading = { caption: 1.3, small: 1.35, body: 1.4, subhead: 1.3, heading: 1.25, title: 1.2, display: 1.15 } as const satisfies Record<TypeSize, number>;

/**
 * Text of this size and more is kerned from the font's GPOS tables (src/engine/kerning.ts):
 * unkerned pairs such as "Te", "Yo" or "AV" gape at 14 pt and up; below it IBM Plex is
 * spaced to read well without kerning, and body text is laid out from advance widths
 * only, which keeps layout fast.
 */
export const KERNING_FROM = 14;

/**
 * The measure of prose: lines of 65–85 characters, the range a reader's eye returns from
 * without losing its place. IBM Plex Sans averages 0.445 em a character in English prose
 * (measured on the guide's tips), so 10 pt body text over 352 pt holds about 79 characters
 * and breaks at 65–80 (measured: test/print-system.test.ts). The rest of the text block
 * (156 pt on Letter, 139 pt on A4) is a side column: the tips' titles, or room for notes.
 */
export const PROSE_MEASURE = 352;
/** The gap between columns: wide enough that a column never reads across into the next. */
export const COLUMN_GAP = 18;

/**
 * Greys, with their % grey (100 % is black: 1 − the grey's value). A laser prints a grey as
 * a halftone of dots; under about 40 % the dots are too sparse to hold a thin line or a
 * small letter together, so nothing that carries information is lighter than 40 %.
 */
export const greys = {
  /** Text: 93 % grey, softer than black on bright paper, as solid as black once printed. */
  text: '#111111',
  /** Secondary text (hints, captions, running lines): 67 % grey. */
  muted: '#555555',
  /** Writing lines and grid lines: 45 % grey, solid when printed, lighter than handwriting over them. */
  rule: '#8c8c8c',
  /** Decorative fills only (behind a chip whose text is in `text`): 10 % grey. Carries nothing: a laser may drop it. */
  fill: '#e6e6e6',
} as const;

/** How grey a #rrggbb grey is, in % (100 is black). */
export const percentGrey = (hex: string) => Math.round((1 - parseInt(hex.slice(1, 3), 16) / 255) * 100);

/**
 * Strokes. A writing line of 0.7 pt (0.25 mm) is six dots wide at 600 dpi: it prints as a
 * solid line, not a dotted one, and stays lighter than a pen's 0.5 mm stroke. Frames
 * (box borders, the running header's rule) are heavier and darker than writing lines, so
 * a box edge is never mistaken for a line to write on.
 */
export const strokes = {
  rule: { width: 0.7, color: greys.rule },
  frame: { width: 0.75, color: greys.muted },
  /** The left bar beside a quoted model answer or a company value: thicker, to be seen as a bar. */
  bar: { width: 1.5, color: greys.rule },
  /** The box round the mentor edition's band on its cover: told apart across a table. */
  band: { width: 2, color: greys.text },
} as const;

/**
 * Boxes to mark with a pen. A tick box of 10 pt (3.5 mm) takes a tick or a cross without
 * the pen touching its neighbour; a score box, ticked on a clipboard while listening,
 * is 12 pt (4.2 mm).
 */
export const boxes = { tick: 10, score: 12, edge: 0.75 } as const;
