import { View } from '@react-pdf/renderer';
import type { Pack } from '../select/pack.js';
import { FILLER_SHEET } from '../engine/sections-on-fronts.js';
import { PageFrame } from './PageFrame.js';
import { RuledLines } from './RuledLines.js';
import { Paragraph } from '../engine/Paragraph.js';
import { looks, margins, paperPoints, PITCH } from './theme.js';

export const NOTES_TITLE = 'Notes';

/** Room kept below the last line, so rounding can never push the page onto a second sheet. */
const SLACK = 4;

/**
 * The sheet `--duplex` puts before a section that would start on a back: a page to write
 * on rather than a blank one, with its running header and folio like any other. Laid out
 * once, at the end of the document, and copied by the engine wherever it is needed
 * (sections-on-fronts.ts in src/engine/); it has no id and no outline item, so copies of it
 * link nowhere and are not in the outline.
 */
export function NotesPage({ pack }: { pack: Pack }) {
  const contentHeight = paperPoints[pack.options.paper].height - margins.top - margins.bottom;
  const headingHeight = looks.h1.size * looks.h1.leading + looks.h1.style.marginBottom;
  const lines = Math.floor((contentHeight - headingHeight - SLACK) / PITCH);
  return (
    <PageFrame pack={pack} section={NOTES_TITLE}>
      <View {...({ [FILLER_SHEET]: true } as object)} />
      <Paragraph text={NOTES_TITLE} {...looks.h1} />
      <RuledLines count={lines} />
    </PageFrame>
  );
}
