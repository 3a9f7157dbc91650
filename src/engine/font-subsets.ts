/**
 * A subset font is encoded once per set of glyphs, not once per build. pdfkit embeds each
 * face as a subset of the glyphs the document used, numbered in the order it first drew
 * them, and fontkit encodes that subset (its glyf, loca, hmtx and other tables) anew for
 * every document: in a warm process rebuilding the same workbook, or one whose edit used
 * no new glyph, the very bytes it made last time. The last encoding of each fontkit font
 * is kept with the glyph list it was made from (a few tens of KB per face); the same list
 * gives the same bytes, so the PDF is unchanged.
 */

interface PdfKitEmbeddedFont {
  /** The fontkit font; absent for pdfkit's standard fonts. */
  font?: object;
  subset?: { glyphs: number[]; encode(): Uint8Array };
}

const lastEncoding = new WeakMap<object, { glyphs: string; bytes: Uint8Array }>();
const remembering = new WeakSet<object>();

/** Makes this embedded font's subset encode through the memory of its font's last encoding. */
export function encodeSubsetOnce(embedded: unknown): void {
  const { font, subset } = embedded as PdfKitEmbeddedFont;
  if (!font || !subset || typeof subset.encode !== 'function' || remembering.has(subset)) return;
  remembering.add(subset);
  const encode = subset.encode.bind(subset);
  subset.encode = () => {
    const glyphs = subset.glyphs.join(',');
    const last = lastEncoding.get(font);
    if (last?.glyphs === glyphs) return last.bytes;
    const bytes = encode();
    lastEncoding.set(font, { glyphs, bytes });
    return bytes;
  };
}
