import { keepSubset, keptSubset } from './font-subset-files.js';

/**
 * How prep-pack's embedded fonts are subset: pdfkit embeds each face as a subset of the
 * glyphs a document uses, numbered in the order it first drew them, and fontkit encodes
 * that subset (its glyf, loca, hmtx and other tables) for every document.
 *
 * - Every face starts with the same glyphs, in the same order (`REPERTOIRE`): so a glyph of
 *   those has the same number in every document, and documents whose text keeps to them
 *   (every workbook of the shipped content) have the same glyph list per face, whichever
 *   page drew what first. Without it, staff·amazon's faces differed from staff·google's
 *   by one to four letters and in their order, so no subset could be reused across packs.
 *   The price is the repertoire's glyphs a document does not use: a few KB a face.
 * - A subset is encoded once per glyph list, not once per build: kept in memory for a
 *   process that builds again (the last encoding of each fontkit font), and on disk for the
 *   next process (font-subset-files.ts). The same list gives the same bytes.
 */

/**
 * Printable ASCII, then the few other characters the guide's text uses (no-break space,
 * middle dot, multiplication sign, dashes, quotes, bullet, ellipsis). Anything else a
 * document draws is added after these, in the order it is first drawn, as before.
 */
const REPERTOIRE: readonly number[] = [
  ...Array.from({ length: 0x7e - 0x20 + 1 }, (_, index) => 0x20 + index),
  0xa0, 0xb7, 0xd7, 0x2013, 0x2014, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2026,
];

interface FontkitGlyph {
  id: number;
  advanceWidth: number;
}

interface PdfKitEmbeddedFont {
  /** The fontkit font; absent for pdfkit's standard fonts. */
  font?: { glyphForCodePoint(codePoint: number): FontkitGlyph };
  subset?: { glyphs: number[]; includeGlyph(id: number): number; encode(): Uint8Array };
  /** By subset glyph number: its advance (in 1000ths of the em) for the PDF's widths, and the characters it stands for (ToUnicode). */
  widths?: (number | undefined)[];
  unicode?: (number[] | undefined)[];
  scale?: number;
}

/**
 * Puts the repertoire's glyphs into a new embedded font's subset, as drawing them would
 * (react-pdf's encodeGlyphs: the glyph's number, its width, the character it stands for).
 * A character the face lacks (fontkit gives glyph 0, .notdef) is left out.
 */
export function startWithRepertoire(embedded: unknown): void {
  const { font, subset, widths, unicode, scale } = embedded as PdfKitEmbeddedFont;
  if (!font || !subset || !widths || !unicode || scale === undefined || subset.glyphs.length > 1) return;
  for (const codePoint of REPERTOIRE) {
    const glyph = font.glyphForCodePoint(codePoint);
    if (glyph.id === 0) continue;
    const number = subset.includeGlyph(glyph.id);
    widths[number] ??= glyph.advanceWidth * scale;
    unicode[number] ??= [codePoint];
  }
}

const lastEncoding = new WeakMap<object, { glyphs: string; bytes: Uint8Array }>();
const remembering = new WeakSet<object>();

/** Makes this embedded font's subset encode through its font's last encoding, then the subset files. */
export function encodeSubsetOnce(embedded: unknown): void {
  const { font, subset } = embedded as PdfKitEmbeddedFont;
  if (!font || !subset || typeof subset.encode !== 'function' || remembering.has(subset)) return;
  remembering.add(subset);
  const encode = subset.encode.bind(subset);
  subset.encode = () => {
    const glyphs = subset.glyphs.join(',');
    const last = lastEncoding.get(font);
    if (last?.glyphs === glyphs) return last.bytes;
    let bytes = keptSubset(font, glyphs);
    if (!bytes) {
      bytes = encode();
      keepSubset(font, glyphs, bytes);
    }
    lastEncoding.set(font, { glyphs, bytes });
    return bytes;
  };
}
