import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Font } from '@react-pdf/renderer';
import { openSync } from 'fontkit';
import type { MeasuredFont } from './line-break.js';
import { kerningFromLayout, type Kerning, type LayingOutFont } from './kerning.js';
import { keepKerning, keptKerning } from './kerning-file.js';

/**
 * IBM Plex Sans, the full TTF files shipped by @expo-google-fonts. TTF rather than WOFF:
 * WOFF tables are inflated in pure JavaScript on every run (a third of a second for four
 * files, measured), and WOFF2 crashes react-pdf. The built-in Helvetica silently drops
 * characters outside WinAnsi, so a real embedded font is used; the glyph check reads it too.
 */
const require = createRequire(import.meta.url);
const fontDir = dirname(require.resolve('@expo-google-fonts/ibm-plex-sans/package.json'));
export const FONT_FAMILY = 'IBM Plex Sans';
export const fontFiles = {
  regular: join(fontDir, '400Regular', 'IBMPlexSans_400Regular.ttf'),
  italic: join(fontDir, '400Regular_Italic', 'IBMPlexSans_400Regular_Italic.ttf'),
  semibold: join(fontDir, '600SemiBold', 'IBMPlexSans_600SemiBold.ttf'),
  bold: join(fontDir, '700Bold', 'IBMPlexSans_700Bold.ttf'),
};

let regular: ReturnType<typeof openSync> | undefined;
/** The regular face as a fontkit font, parsed once per process (the glyph check reads it too). */
export function regularFont(): ReturnType<typeof openSync> {
  regular ??= openSync(fontFiles.regular);
  return regular;
}

export type Weight = 400 | 600 | 700;

/** The faces the workbook uses, each from its file. */
const FACES: { file: keyof typeof fontFiles; fontWeight: Weight; fontStyle: 'normal' | 'italic' }[] = [
  { file: 'regular', fontWeight: 400, fontStyle: 'normal' },
  { file: 'italic', fontWeight: 400, fontStyle: 'italic' },
  { file: 'semibold', fontWeight: 600, fontStyle: 'normal' },
  { file: 'bold', fontWeight: 700, fontStyle: 'normal' },
];

let registered = false;
export function registerFonts(): void {
  if (registered) return;
  registered = true;
  shapeWithoutOpenTypeLayout();
  Font.register({ family: FONT_FAMILY, fonts: FACES.map(({ file, ...face }) => ({ src: fontFiles[file], ...face })) });
  // Hyphenating prompts and questions makes them harder to read, and costs layout time.
  Font.registerHyphenationCallback((word) => [word]);
}

/** A face the font store has loaded (see loadFonts): painted text uses the very font object react-pdf's text does, so each face is embedded once. */
export function fontFace(weight: Weight, italic: boolean): MeasuredFont {
  const source = Font.getFont({ fontFamily: FONT_FAMILY, fontWeight: weight, fontStyle: italic ? 'italic' : 'normal' } as never) as unknown as { data?: MeasuredFont } | null;
  if (!source?.data) throw new Error(`The font ${FONT_FAMILY} ${weight}${italic ? ' italic' : ''} is not loaded: call loadFonts() before laying out`);
  return source.data;
}

/** Parses every face now: painted paragraphs measure text during layout, before react-pdf would load a face no <Text> uses. */
export async function loadFonts(): Promise<void> {
  await Promise.all(FACES.map(({ fontWeight, fontStyle }) => Font.load({ fontFamily: FONT_FAMILY, fontWeight, fontStyle } as never)));
}

/**
 * Lay text out from the font's advance widths, without its OpenType layout tables (GSUB
 * ligatures and substitutions, GPOS kerning; large text gets its kerning back, kerningFor). fontkit's OpenType shaping and the decoding
 * of those tables were a third of the workbook's layout time (measured: layout 2.9 s →
 * 2.0 s for the staff + google workbook). The price is kerning: IBM Plex is spaced to read
 * well without it, and a printed workbook shows no visible difference at 10 pt.
 *
 * fontkit reads a table through its font class's `_getTable`, bound when a font is
 * created, so this must run before react-pdf loads its fonts; it affects fontkit fonts
 * in this process only.
 */
function shapeWithoutOpenTypeLayout(): void {
  const fontClass = Object.getPrototypeOf(regularFont()) as { _getTable: (table: { tag: string }) => unknown };
  const getTable = fontClass._getTable;
  fontClass._getTable = function (this: { [READS_GPOS]?: boolean }, table: { tag: string }) {
    const skipped = table.tag === 'GSUB' || (table.tag === 'GPOS' && this[READS_GPOS] !== true);
    return skipped ? undefined : getTable.call(this, table);
  };
}

/** Marks the fontkit fonts that read their GPOS table: the ones kerningFor opens, never react-pdf's. */
const READS_GPOS = Symbol('prep-pack reads GPOS');

const kernings = new Map<string, Kerning>();

/**
 * The kerning of a face from its GPOS table, for large text (the print system's
 * KERNING_FROM): a second fontkit font of the same file that reads GPOS (still no GSUB,
 * so one glyph per character, the same glyphs react-pdf's font draws). Only this font pays
 * for decoding GPOS, and only text that asks for kerning is laid out through it: body
 * text keeps its advance-width layout (measured: see docs/print-system.md).
 */
export function kerningFor(weight: Weight, italic: boolean): Kerning {
  const face = FACES.find((candidate) => candidate.fontWeight === weight && (candidate.fontStyle === 'italic') === italic) ?? FACES[0]!;
  let kerning = kernings.get(face.file);
  if (!kerning) {
    registerFonts();
    const font = openSync(fontFiles[face.file]) as unknown as LayingOutFont & { [READS_GPOS]?: boolean };
    font[READS_GPOS] = true;
    const before = { get: (text: string) => keptKerning(face.file, text), keep: (text: string, adjustments: Float64Array) => keepKerning(face.file, text, adjustments) };
    kernings.set(face.file, (kerning = kerningFromLayout(font, before)));
  }
  return kerning;
}
