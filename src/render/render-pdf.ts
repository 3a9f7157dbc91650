import { createElement } from 'react';
import type { Content } from '../content/model.js';
import type { Pack } from '../select/pack.js';
import { renderDocumentToPdf, type Attachment, type RenderedPdf } from '../engine/engine.js';
import { loadFonts, registerFonts } from '../engine/fonts.js';
import { Workbook } from './Workbook.js';
import { sideMargins } from './side-margins.js';

/** What the running lines print of the pack (PageFrame.tsx): filled in after layout, so a page laid out for one pack serves another. */
export const runningLineSlots = (pack: Pack) => ({ selection: pack.selectionLabel, fingerprint: pack.fingerprint });

/** render: Pack → PDF bytes, all in memory, so a failure never leaves a partial file. `attachments` are carried in the PDF as data. */
export async function renderPdf(pack: Pack, content: Content, attachments: Attachment[] = []): Promise<RenderedPdf> {
  registerFonts();
  await loadFonts();
  const { selection } = pack;
  const { mirrorShift } = sideMargins(pack.options.binding);
  return renderDocumentToPdf(
    createElement(Workbook, { pack, content }),
    {
      title: pack.title,
      subject: `Behavioral interview preparation: ${pack.selectionLabel}`,
      keywords: ['behavioral interview', selection.role?.name, selection.company?.name, selection.industry?.name, `fingerprint ${pack.fingerprint}`]
        .filter(Boolean)
        .join(', '),
      ...(pack.options.name ? { author: pack.options.name } : {}),
      creator: `prep-pack ${pack.version}`,
      producer: `prep-pack ${pack.version}`,
      creationDate: pack.options.date,
      language: 'en',
    },
    {
      ...(mirrorShift !== undefined ? { mirrorBacks: { shift: mirrorShift } } : {}),
      ...(pack.options.duplex ? { sectionsOnFronts: true } : {}),
      attachments,
      documentSlots: runningLineSlots(pack),
    },
  );
}
