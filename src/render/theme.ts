import { StyleSheet } from '@react-pdf/renderer';
import type { Paper } from '../select/pack.js';
import { FONT_FAMILY } from '../engine/fonts.js';

import { ink } from '../engine/ink.js';

export { ink, rule } from '../engine/ink.js';

/**
 * The inner margin, at the binding edge (the left of a front, the right of a back, see
 * side-margins.ts), leaves room for a hole punch: holes sit 10–13 mm from the edge and
 * need 19 mm (53.9 pt) clear; 62 pt is 21.9 mm.
 */
export const margins = { inner: 62, outer: 42, top: 54, bottom: 50 };

export const paperSize: Record<Paper, 'LETTER' | 'A4'> = { letter: 'LETTER', a4: 'A4' };

/** The papers' portrait size in points, as react-pdf knows them. */
export const paperPoints: Record<Paper, { width: number; height: number }> = { letter: { width: 612, height: 792 }, a4: { width: 595.28, height: 841.89 } };

/** The looks of painted text (see Paragraph.tsx): spread onto a <Paragraph>. */
export const looks = {
  h1: { size: 22, leading: 1.2, weight: 700, style: { marginBottom: 10 } },
  h2: { size: 14, leading: 1.3, weight: 700, style: { marginTop: 12, marginBottom: 6 } },
  h3: { size: 11, leading: 1.3, weight: 600, style: { marginTop: 8, marginBottom: 3 } },
  paragraph: { size: 10, leading: 1.4, style: { marginBottom: 5 } },
  small: { size: 8, leading: 1.3, color: ink.muted },
} as const;

/** Every text style has its own fontSize and lineHeight: react-pdf computes a unitless lineHeight against 18 pt otherwise. */
export const styles = StyleSheet.create({
  page: {
    fontFamily: FONT_FAMILY,
    fontSize: 10,
    color: ink.text,
    paddingTop: margins.top,
    paddingBottom: margins.bottom,
    // The side padding depends on the binding: pagePadding (side-margins.ts).
  },
  listItem: { marginBottom: 2 },
  header: {
    position: 'absolute',
    top: 22,
  },
  footer: {
    position: 'absolute',
  },
});
