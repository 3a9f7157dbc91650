import { renderToBuffer } from '@react-pdf/renderer';
import { createElement } from 'react';
import type { Content } from '../content/model.js';
import type { Pack } from '../select/pack.js';
import { registerFonts } from './fonts.js';
import { Workbook } from './Workbook.js';

/** render: Pack → PDF bytes, all in memory, so a failure never leaves a partial file. */
export async function renderPdf(pack: Pack, content: Content): Promise<Buffer> {
  registerFonts();
  return renderToBuffer(createElement(Workbook, { pack, content }) as Parameters<typeof renderToBuffer>[0]);
}
