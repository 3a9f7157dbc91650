import { openSync } from 'fontkit';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { encodeSubsetOnce } from '../src/engine/font-subsets.js';
import { fontFiles } from '../src/engine/fonts.js';

type Embedded = { subset: { glyphs: number[]; encode(): Uint8Array } };
const font = openSync(fontFiles.regular);

/** A document's embedded subset of IBM Plex Sans, holding the glyphs of `text`. */
function subsetOf(text: string, remembered: boolean): Embedded['subset'] {
  const doc = new PDFDocument({ autoFirstPage: false });
  doc.addPage();
  doc.font(font as never);
  const embedded = (doc as unknown as { _font: Embedded })._font;
  if (remembered) encodeSubsetOnce(embedded);
  doc.text(text);
  return embedded.subset;
}

describe('subset fonts encoded once per glyph list (font-subsets.ts)', () => {
  it('gives the bytes fontkit encodes, made once for the same glyphs and again for others', () => {
    const fresh = subsetOf('Tell me about a time', false).encode();
    const first = subsetOf('Tell me about a time', true).encode();
    const again = subsetOf('Tell me about a time', true).encode();
    expect(Buffer.from(first).equals(Buffer.from(fresh))).toBe(true);
    // The same glyph list, in the same order: the bytes already made.
    expect(again).toBe(first);
    // Other glyphs (or the same in another order) are another subset.
    const other = subsetOf('Zebra', true).encode();
    expect(other).not.toBe(first);
    expect(Buffer.from(other).equals(Buffer.from(subsetOf('Zebra', false).encode()))).toBe(true);
    const reordered = subsetOf('emit aboutTell', true);
    expect(Buffer.from(reordered.encode()).equals(Buffer.from(first))).toBe(false);
  });
});
