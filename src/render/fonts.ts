import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Font } from '@react-pdf/renderer';

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
