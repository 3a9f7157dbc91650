import { readFileSync } from 'node:fs';
import type { openSync } from 'fontkit';
import { fontFiles, regularFont } from '../engine/fonts.js';

/**
 * The font form fields are typed in: IBM Plex Sans Regular, embedded whole, once per PDF.
 *
 * What a viewer draws when someone types into a field is up to the viewer: it takes the
 * font that the field's /DA names and looks up each typed character in it. The fonts the
 * printed text uses are subsets (only the glyphs already printed, renumbered), so a viewer
 * typing into a field set in one of them draws the wrong glyph or none (Chromium showed
 * "Rz" for "14"). This font has every glyph of the TTF, its glyph ids as character codes
 * (Identity-H, CIDToGIDMap Identity), a width for each and a ToUnicode map from every
 * glyph to its character, which is how a viewer goes from a typed character to a code.
 */
export const FIELD_FONT_RESOURCE = 'PrepPackField';

type FontkitFont = ReturnType<typeof openSync>;

export interface FieldFont {
  /** The Type0 font's reference, for /DR and appearance streams' resources. */
  ref: unknown;
  /** Text as the hex string of glyph ids the font's Identity-H encoding reads. */
  encode(text: string): string;
  /** The width of text at a size, in points, as a viewer lays it out (advance widths, no kerning). */
  widthOf(text: string, size: number): number;
  /** Above and below the baseline, as fractions of the size (hhea ascender and descender). */
  ascent: number;
  descent: number;
}

interface PdfKitRefs {
  ref(data: Record<string, unknown>): { end(data?: unknown): void };
}

let parsed: { font: FontkitFont; bytes: Buffer } | undefined;
/** The font file and its parse: once per process (a batch embeds it in every fillable PDF). */
function fieldFontFile() {
  parsed ??= { font: regularFont(), bytes: readFileSync(fontFiles.regular) };
  return parsed;
}

/** Writes the whole font into the document and returns what fields need of it. */
export function embedFieldFont(doc: unknown): FieldFont {
  const pdf = doc as PdfKitRefs;
  const { font, bytes } = fieldFontFile();
  const scale = 1000 / font.unitsPerEm;
  const name = font.postscriptName.replace(/[^A-Za-z0-9-]/g, '');

  const file = pdf.ref({ Length1: bytes.length });
  file.end(bytes);
  const bbox = font.bbox;
  const descriptor = pdf.ref({
    Type: 'FontDescriptor',
    FontName: name,
    // Nonsymbolic: its glyphs are Latin text.
    Flags: 32,
    FontBBox: [bbox.minX, bbox.minY, bbox.maxX, bbox.maxY].map((value) => Math.round(value * scale)),
    ItalicAngle: font.italicAngle,
    Ascent: Math.round(font.ascent * scale),
    Descent: Math.round(font.descent * scale),
    CapHeight: Math.round(font.capHeight * scale),
    StemV: 80,
    FontFile2: file,
  });
  descriptor.end();
  const widths = Array.from({ length: font.numGlyphs }, (_, id) => Math.round(font.getGlyph(id).advanceWidth * scale));
  const cidFont = pdf.ref({
    Type: 'Font',
    Subtype: 'CIDFontType2',
    BaseFont: name,
    CIDSystemInfo: { Registry: new String('Adobe'), Ordering: new String('Identity'), Supplement: 0 },
    FontDescriptor: descriptor,
    W: [0, widths],
    CIDToGIDMap: 'Identity',
  });
  cidFont.end();
  const toUnicode = pdf.ref({});
  toUnicode.end(toUnicodeCMap(font));
  const ref = pdf.ref({ Type: 'Font', Subtype: 'Type0', BaseFont: name, Encoding: 'Identity-H', DescendantFonts: [cidFont], ToUnicode: toUnicode });
  ref.end();

  const glyphIds = (text: string) => [...text].map((character) => font.glyphForCodePoint(character.codePointAt(0)!).id);
  return {
    ref,
    encode: (text) => glyphIds(text).map((id) => id.toString(16).padStart(4, '0')).join(''),
    widthOf: (text, size) => glyphIds(text).reduce((sum, id) => sum + font.getGlyph(id).advanceWidth, 0) * (size / font.unitsPerEm),
    ascent: font.ascent / font.unitsPerEm,
    descent: -font.descent / font.unitsPerEm,
  };
}

/** Every glyph the font maps a character to, mapped back to that character (the lowest, where several share a glyph). */
function toUnicodeCMap(font: FontkitFont): string {
  const characterOf = new Map<number, number>();
  for (const codePoint of [...font.characterSet].sort((a, b) => a - b)) {
    const id = font.glyphForCodePoint(codePoint).id;
    if (id !== 0 && !characterOf.has(id)) characterOf.set(id, codePoint);
  }
  const hex = (value: number) => value.toString(16).padStart(4, '0');
  const utf16 = (codePoint: number) => {
    const units = String.fromCodePoint(codePoint);
    return Array.from({ length: units.length }, (_, index) => hex(units.charCodeAt(index))).join('');
  };
  const entries = [...characterOf].sort(([a], [b]) => a - b).map(([id, codePoint]) => `<${hex(id)}> <${utf16(codePoint)}>`);
  // A bfchar block holds at most 100 entries.
  const blocks: string[] = [];
  for (let start = 0; start < entries.length; start += 100) {
    const block = entries.slice(start, start + 100);
    blocks.push(`${block.length} beginbfchar\n${block.join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <ffff>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}
