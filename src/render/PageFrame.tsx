import { Page, Text, View } from '@react-pdf/renderer';
import type { ReactNode } from 'react';
import type { Pack } from '../select/pack.js';
import { PageNumber } from './PageNumber.js';
import { ink, paperSize, styles } from './theme.js';

interface PageFrameProps {
  pack: Pack;
  /** The running header's right-hand text: which part of the workbook this is. */
  section: string;
  children: ReactNode;
  bookmark?: string;
  /** Names this page's outline item so that question items can nest under it. */
  bookmarkRef?: string;
  wrap?: boolean;
  orientation?: 'portrait' | 'landscape';
}

/** A page with the running header (pack title, section) and footer (page X of Y). */
export function PageFrame({ pack, section, children, bookmark, bookmarkRef, wrap = true, orientation = 'portrait' }: PageFrameProps) {
  return (
    <Page
      size={paperSize[pack.options.paper]}
      orientation={orientation}
      style={styles.page}
      wrap={wrap}
      bookmark={bookmark ? ({ title: bookmark, fit: true, ...(bookmarkRef ? { ref: bookmarkRef } : {}) } as { title: string; fit: boolean }) : undefined}
    >
      <View style={styles.header} fixed>
        <Text style={styles.runningText}>{pack.selectionLabel}</Text>
        <Text style={styles.runningText}>{section}</Text>
      </View>
      {children}
      <View style={styles.footer} fixed>
        <Text style={styles.runningText}>prep-pack · {pack.fingerprint}</Text>
        <PageNumber width={80} fontSize={7.5} color={ink.muted} />
      </View>
    </Page>
  );
}
