import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Font } from '@react-pdf/renderer';

/**
 * IBM Plex Sans from @fontsource (WOFF: react-pdf crashes on WOFF2). The built-in
 * Helvetica silently drops characters outside WinAnsi, so a real embedded font is used,
 * and its files are also what the glyph check reads.
 */
const require = createRequire(import.meta.url);
const fontDir = join(dirname(require.resolve('@fontsource/ibm-plex-sans/package.json')), 'files');
export const FONT_FAMILY = 'IBM Plex Sans';
export const fontFiles = {
  regular: join(fontDir, 'ibm-plex-sans-latin-400-normal.woff'),
  italic: join(fontDir, 'ibm-plex-sans-latin-400-italic.woff'),
  semibold: join(fontDir, 'ibm-plex-sans-latin-600-normal.woff'),
  bold: join(fontDir, 'ibm-plex-sans-latin-700-normal.woff'),
};

let registered = false;
export function registerFonts(): void {
  if (registered) return;
  registered = true;
  Font.register({
    family: FONT_FAMILY,
    fonts: [
      { src: fontFiles.regular, fontWeight: 400 },
      { src: fontFiles.italic, fontWeight: 400, fontStyle: 'italic' },
      { src: fontFiles.semibold, fontWeight: 600 },
      { src: fontFiles.bold, fontWeight: 700 },
    ],
  });
  // Hyphenating prompts and questions makes them harder to read, and costs layout time.
  Font.registerHyphenationCallback((word) => [word]);
}
