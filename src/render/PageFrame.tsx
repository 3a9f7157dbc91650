import { Page, View } from '@react-pdf/renderer';
import type { ReactNode } from 'react';
import type { Pack } from '../select/pack.js';
import { RunningLine } from '../engine/PaintedText.js';
import { RoomToWrite } from '../engine/RoomToWrite.js';
import { OPENS_SECTION } from '../engine/sections-on-fronts.js';
import { keepRules } from '../engine/keeps.js';
import { ink, looks, paperPoints, paperSize, PITCH, strokes, styles, typeScale } from './theme.js';
import { leading, runningLines } from './print-system.js';
import { acrossContent, pagePadding } from './side-margins.js';

interface PageFrameProps {
  pack: Pack;
  /** The running header's outer text (right on a front, left on a back): which part of the workbook this is. */
  section: string;
  children: ReactNode;
  bookmark?: string;
  /** Names this page's outline item so that question items can nest under it. */
  bookmarkRef?: string;
  /** With `--duplex`, start this page on a front; by default a page does when it opens a section (has an outline item). */
  startsOnFront?: boolean;
  orientation?: 'portrait' | 'landscape';
  /**
   * For a section of reading (role, company, tips): the caption of ruled lines that fill
   * whatever its last sheet leaves (RoomToWrite, src/engine/), so a section whose last
   * paragraph spills onto a sheet of its own ends on a sheet to write on, not a near-empty one.
   */
  roomToWrite?: string;
}

const RUNNING_SIZE = typeScale.caption;

/**
 * A page with the running header (pack title, section) and footer (page X of Y).
 *
 * Pages always wrap: react-pdf gives a <Page wrap={false}> the height of its content, not
 * of the paper (a blank worksheet came out 612 × 696 pt on letter). Content that must
 * stay on one sheet is a View with wrap={false} instead.
 *
 * Laid out once: react-pdf lays a page out with the height of its content first, then
 * again with the paper's height, for whatever is anchored to the bottom or grows to fill
 * the page. Nothing on a PageFrame does either (the footer is placed from the top, and
 * flex growth is only ever across a row), so the page says `layoutOnce` and a page that
 * fits on one sheet keeps its first layout (the layout patch, src/engine/; about a tenth
 * of a workbook's build). Keep it that way: no `bottom`, no vertical flex growth.
 *
 * Keeps (src/engine/keeps.ts) are honoured on every PageFrame (`breakRules`): mark a
 * heading `keepWithNext` and it is never left at a sheet's foot without what follows it.
 *
 * A page with an outline item (`bookmark`) opens a section: its first sheet is marked so,
 * for `--duplex` to start it on a front (sections-on-fronts.ts in src/engine/). Every
 * section's first page has one, and no other page does; `startsOnFront` says otherwise.
 */
export function PageFrame({ pack, section, children, bookmark, bookmarkRef, startsOnFront = bookmark !== undefined, orientation = 'portrait', roomToWrite }: PageFrameProps) {
  const paper = paperPoints[pack.options.paper];
  const paperHeight = orientation === 'landscape' ? paper.width : paper.height;
  const footerTop = paperHeight - runningLines.footerOffset - RUNNING_SIZE * leading.caption;
  const { binding } = pack.options;
  const across = acrossContent(binding);
  return (
    <Page
      size={paperSize[pack.options.paper]}
      orientation={orientation}
      style={[styles.page, pagePadding(binding)]}
      {...({ layoutOnce: true, breakRules: keepRules } as object)}
      bookmark={bookmark ? ({ title: bookmark, fit: true, ...(bookmarkRef ? { ref: bookmarkRef } : {}) } as { title: string; fit: boolean }) : undefined}
    >
      {/* Running header and footer are filled in after layout: no text layout on every page. What identifies the page is at the outer edge. The pack's name and fingerprint are slots too (runningLineSlots in render-pdf.ts): a page laid out for one pack serves another. */}
      <RunningLine inner="{selection}" outer={section} fontSize={RUNNING_SIZE} color={ink.muted} style={{ ...styles.header, ...across }} rule={{ gap: runningLines.ruleGap, thickness: strokes.frame.width, color: strokes.frame.color }} />
      {startsOnFront && <View {...({ [OPENS_SECTION]: true } as object)} />}
      {children}
      {/* Printed packs only: RoomToWrite's lines carry no form fields. */}
      {roomToWrite && !pack.options.fillable && <RoomToWrite caption={roomToWrite} spacing={PITCH} size={looks.h3.size} weight={looks.h3.weight} />}
      <RunningLine inner="prep-pack · {fingerprint}" outer="page {page} of {pages}" fontSize={RUNNING_SIZE} color={ink.muted} style={{ ...styles.footer, ...across, top: footerTop }} />
    </Page>
  );
}
