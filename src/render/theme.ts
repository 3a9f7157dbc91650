import { StyleSheet } from '@react-pdf/renderer';
import type { Paper } from '../select/pack.js';
import { FONT_FAMILY } from '../engine/fonts.js';
import { ink } from '../engine/ink.js';
import { leading, margins, PROSE_MEASURE, runningLines, typeScale, type TypeSize } from './print-system.js';

export { ink, rule } from '../engine/ink.js';
export { boxes, CHIP_LEADING, COLUMN_GAP, leading, margins, PITCH, PROSE_MEASURE, strokes, typeScale } from './print-system.js';

export const paperSize: Record<Paper, 'LETTER' | 'A4'> = { letter: 'LETTER', a4: 'A4' };

/** The papers' portrait size in points, as react-pdf knows them. */
export const paperPoints: Record<Paper, { width: number; height: number }> = { letter: { width: 612, height: 792 }, a4: { width: 595.28, height: 841.89 } };

/** A size of the type scale with its leading, to spread onto a <Paragraph>: `{...type('small')}`. */
export const type = (size: TypeSize) => ({ size: typeScale[size], leading: leading[size] });

/** The looks of painted text (see Paragraph.tsx): spread onto a <Paragraph>. Every size comes from the type scale (print-system.ts). */
export const looks = {
  // Headings never end on one word alone (line-break.ts).
  h1: { ...type('title'), weight: 700, avoidLoneWord: true, tag: 'H1', style: { marginBottom: 10 } },
  h2: { ...type('heading'), weight: 700, avoidLoneWord: true, tag: 'H2', style: { marginTop: 12, marginBottom: 6 } },
  h3: { ...type('subhead'), weight: 600, avoidLoneWord: true, tag: 'H3', style: { marginTop: 8, marginBottom: 3 } },
  paragraph: { ...type('body'), style: { marginBottom: 5, maxWidth: PROSE_MEASURE } },
  small: { ...type('caption'), color: ink.muted },
} as const;

/** Every text style has its own fontSize and lineHeight: react-pdf computes a unitless lineHeight against 18 pt otherwise. */
export const styles = StyleSheet.create({
  page: {
    fontFamily: FONT_FAMILY,
    fontSize: typeScale.body,
    color: ink.text,
    paddingTop: margins.top,
    paddingBottom: margins.bottom,
    // The side padding depends on the binding: pagePadding (side-margins.ts).
  },
  listItem: { marginBottom: 2 },
  header: {
    position: 'absolute',
    top: runningLines.headerTop,
  },
  footer: {
    position: 'absolute',
  },
});
