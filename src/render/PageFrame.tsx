import { Page, View } from '@react-pdf/renderer';
import type { ReactNode } from 'react';
import type { Pack } from '../select/pack.js';
import { PaintedText } from './PaintedText.js';
import { ink, paperSize, styles } from './theme.js';

interface PageFrameProps {
  pack: Pack;
  /** The running header's right-hand text: which part of the workbook this is. */
  section: string;
  children: ReactNode;
  bookmark?: string;
  /** Names this page's outline item so that question items can nest under it. */
  bookmarkRef?: string;
  orientation?: 'portrait' | 'landscape';
}

const RUNNING_SIZE = 7.5;

/**
 * A page with the running header (pack title, section) and footer (page X of Y).
 *
 * Pages always wrap: react-pdf gives a <Page wrap={false}> the height of its content, not
 * of the paper (a blank worksheet came out 612 × 696 pt on letter). Content that must
 * stay on one sheet is a View with wrap={false} instead.
 */
export function PageFrame({ pack, section, children, bookmark, bookmarkRef, orientation = 'portrait' }: PageFrameProps) {
  return (
    <Page
      size={paperSize[pack.options.paper]}
      orientation={orientation}
      style={styles.page}
      bookmark={bookmark ? ({ title: bookmark, fit: true, ...(bookmarkRef ? { ref: bookmarkRef } : {}) } as { title: string; fit: boolean }) : undefined}
    >
      {/* Running header and footer are painted after layout: no text layout on every page. */}
      <View style={styles.header} fixed>
        <PaintedText text={pack.selectionLabel} width="50%" fontSize={RUNNING_SIZE} color={ink.muted} />
        <PaintedText text={section} width="50%" fontSize={RUNNING_SIZE} color={ink.muted} align="right" />
      </View>
      {children}
      <View style={styles.footer} fixed>
        <PaintedText text={`prep-pack · ${pack.fingerprint}`} width="50%" fontSize={RUNNING_SIZE} color={ink.muted} />
        <PaintedText text="page {page} of {pages}" width="50%" fontSize={RUNNING_SIZE} color={ink.muted} align="right" />
      </View>
    </Page>
  );
}
