/**
 * The react-pdf packages that @react-pdf/renderer composes, used directly so that a step
 * can run between layout and drawing (see engine.ts). Only what prep-pack uses is typed.
 */
declare module '@react-pdf/layout' {
  const layoutDocument: (document: unknown, fontStore: unknown) => Promise<import('./engine.js').LaidOutNode>;
  export default layoutDocument;
}

declare module '@react-pdf/render' {
  /** `tagging`: prep-pack's structure tree, called around each node's drawing (react-pdf-render.patch, src/engine/tagging.ts); `sheets`: called before and after each page is drawn (engine.ts). */
  const renderDocument: (ctx: unknown, layout: unknown, tagging?: unknown, sheets?: unknown) => unknown;
  export default renderDocument;
}

declare module 'pdfkit' {
  import type { Readable } from 'node:stream';
  interface PdfKitOptions {
    compress?: boolean;
    pdfVersion?: string;
    lang?: string;
    displayTitle?: boolean;
    autoFirstPage?: boolean;
    pageLayout?: string;
    info?: Record<string, string | Date>;
  }
  class PDFDocument extends Readable {
    constructor(options?: PdfKitOptions);
    _root: { data: Record<string, unknown> };
  }
  export default PDFDocument;
}

declare module 'fontkit' {
  interface Glyph {
    id: number;
    advanceWidth: number;
  }
  interface Font {
    familyName: string;
    hasGlyphForCodePoint(codePoint: number): boolean;
    // What the form fields' complete font is embedded from (src/forms/field-font.ts).
    postscriptName: string;
    unitsPerEm: number;
    ascent: number;
    descent: number;
    capHeight: number;
    italicAngle: number;
    numGlyphs: number;
    bbox: { minX: number; minY: number; maxX: number; maxY: number };
    characterSet: number[];
    glyphForCodePoint(codePoint: number): Glyph;
    getGlyph(id: number): Glyph;
  }
  export function openSync(path: string): Font;
}

declare module 'linebreak' {
  interface Break {
    position: number;
    required: boolean;
  }
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): Break | null;
  }
}
