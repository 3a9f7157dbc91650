import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSync } from 'fontkit';
import PDFDocument from 'pdfkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { finishFontSubsetFiles } from '../src/engine/font-subset-files.js';
import { encodeSubsetOnce, startWithRepertoire } from '../src/engine/font-subsets.js';
import { fontFiles } from '../src/engine/fonts.js';

type Embedded = { subset: { glyphs: number[]; encode(): Uint8Array } };

// Each test keeps its subsets in a cache folder of its own (then the one vitest.config.ts set is back).
const testsCacheFolder = process.env.PREP_PACK_CACHE_DIR;
beforeEach(() => {
  process.env.PREP_PACK_CACHE_DIR = mkdtempSync(join(tmpdir(), 'prep-pack-subsets-'));
});
afterEach(() => {
  process.env.PREP_PACK_CACHE_DIR = testsCacheFolder;
});
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

describe('every face starts with the same glyphs (font-subsets.ts REPERTOIRE)', () => {
  /** A document's subset of the regular face after drawing `text`, started with the repertoire. */
  function startedSubsetOf(text: string): Embedded['subset'] & { includeGlyph(id: number): number } {
    const doc = new PDFDocument({ autoFirstPage: false });
    doc.addPage();
    doc.font(font as never);
    const embedded = (doc as unknown as { _font: Embedded })._font;
    startWithRepertoire(embedded);
    doc.text(text);
    return embedded.subset as Embedded['subset'] & { includeGlyph(id: number): number };
  }

  it('numbers a glyph the same whatever a document drew first, so packs of the guide share a glyph list', () => {
    const google = startedSubsetOf('Senior Engineer · Google — “Tell me about a time…”');
    const amazon = startedSubsetOf('Amazon: Zebra 7 8; leadership principles');
    expect(google.glyphs).toEqual(amazon.glyphs);
    const a = font.glyphForCodePoint('A'.codePointAt(0)!).id;
    expect(google.glyphs.indexOf(a)).toBe(amazon.glyphs.indexOf(a));
    // Drawn outside the repertoire: added after it, as pdfkit adds any glyph.
    const accented = startedSubsetOf('Zoë');
    expect(accented.glyphs.length).toBe(google.glyphs.length + 1);
    expect(accented.glyphs.slice(0, -1)).toEqual(google.glyphs);
  });

  it('maps each repertoire glyph to its character, so copied text is what was printed', () => {
    const doc = new PDFDocument({ autoFirstPage: false });
    doc.addPage();
    doc.font(font as never);
    const embedded = (doc as unknown as { _font: Embedded & { unicode: number[][] } })._font;
    startWithRepertoire(embedded);
    const number = embedded.subset.glyphs.indexOf(font.glyphForCodePoint(0x2014).id);
    expect(number).toBeGreaterThan(0);
    expect(embedded.unicode[number]).toEqual([0x2014]);
  });
});

describe('subset fonts kept on disk (font-subset-files.ts)', () => {
  /** The subset of `text` in a fresh fontkit font of the regular face, as a new process would make it. */
  function subsetInNewFont(text: string): Embedded['subset'] {
    const doc = new PDFDocument({ autoFirstPage: false });
    doc.addPage();
    doc.font(openSync(fontFiles.regular) as never);
    const embedded = (doc as unknown as { _font: Embedded })._font;
    encodeSubsetOnce(embedded);
    doc.text(text);
    return embedded.subset;
  }

  it('gives a new process the bytes fontkit encodes, and encodes again what it cannot trust', async () => {
    const fresh = subsetOf('Tell me about a time', false).encode();
    subsetInNewFont('Tell me about a time').encode();
    await finishFontSubsetFiles();
    const files = readdirSync(join(process.env.PREP_PACK_CACHE_DIR, 'font-subsets'));
    expect(files).toHaveLength(1);
    const path = join(process.env.PREP_PACK_CACHE_DIR, 'font-subsets', files[0]!);
    // Read back, the very bytes; and the file is what was read (changed, it is not).
    expect(Buffer.from(subsetInNewFont('Tell me about a time').encode()).equals(Buffer.from(fresh))).toBe(true);
    const kept = readFileSync(path, 'utf8');
    writeFileSync(path, kept.replace(/\n(.)/, (_, first: string) => `\n${first === 'A' ? 'B' : 'A'}`));
    expect(Buffer.from(subsetInNewFont('Tell me about a time').encode()).equals(Buffer.from(fresh))).toBe(true);
    // Encoded again, it is kept again, whole.
    expect(readFileSync(path, 'utf8')).not.toBe(kept);
    await finishFontSubsetFiles();
    expect(readFileSync(path, 'utf8')).toBe(kept);
  });

  it('never reads a subset file for another subset than the one it holds (copied over its name, checksum and all)', async () => {
    const subsets = join(process.env.PREP_PACK_CACHE_DIR, 'font-subsets');
    subsetInNewFont('Tell me about a time').encode();
    await finishFontSubsetFiles();
    const [first] = readdirSync(subsets);
    subsetInNewFont('Zebra').encode();
    await finishFontSubsetFiles();
    const second = readdirSync(subsets).find((name) => name !== first)!;
    writeFileSync(join(subsets, second), readFileSync(join(subsets, first!)));
    const zebra = subsetOf('Zebra', false).encode();
    expect(Buffer.from(subsetInNewFont('Zebra').encode()).equals(Buffer.from(zebra))).toBe(true);
  });

  it('keeps nothing with PREP_PACK_NO_CACHE', async () => {
    process.env.PREP_PACK_NO_CACHE = '1';
    try {
      subsetInNewFont('Nothing kept').encode();
      await finishFontSubsetFiles();
      expect(existsSync(join(process.env.PREP_PACK_CACHE_DIR, 'font-subsets'))).toBe(false);
    } finally {
      delete process.env.PREP_PACK_NO_CACHE;
    }
  });
});
