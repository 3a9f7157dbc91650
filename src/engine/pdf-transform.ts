/**
 * pdfkit's `transform` (and `translate`, which calls it) as pdfkit 0.20.1 writes it, without
 * the garbage. react-pdf moves the origin for every node, line and run it draws, and pdfkit
 * took the current matrix apart by array destructuring (an iterator and a result object
 * per element) and formatted the six numbers through `map` and `join`: together about a
 * tenth of what drawing allocated (measured with V8's sampling heap profiler), all of it
 * for young-generation collections to sweep. The same matrix arithmetic and the same
 * numbers (`PDFObject.number`: rounded to six decimals, written by JavaScript's own
 * number-to-string) make the same operator, byte for byte.
 */

interface PdfKitTransform {
  _ctm: number[];
  addContent(data: string): unknown;
  transform(m11: number, m12: number, m21: number, m22: number, dx: number, dy: number): unknown;
}

/** pdfkit's PDFObject.number. */
function pdfNumber(n: number): number {
  if (n > -1e21 && n < 1e21) return Math.round(n * 1e6) / 1e6;
  throw new Error(`unsupported number: ${n}`);
}

export function transformWithoutGarbage(ctx: unknown): void {
  const doc = ctx as PdfKitTransform;
  doc.transform = (m11, m12, m21, m22, dx, dy) => {
    if (m11 === 1 && m12 === 0 && m21 === 0 && m22 === 1 && dx === 0 && dy === 0) return doc;
    // `save` pushes a copy of the matrix and `restore` puts one back: read it on every call.
    const m = doc._ctm;
    const m0 = m[0]!;
    const m1 = m[1]!;
    const m2 = m[2]!;
    const m3 = m[3]!;
    const m4 = m[4]!;
    const m5 = m[5]!;
    m[0] = m0 * m11 + m2 * m12;
    m[1] = m1 * m11 + m3 * m12;
    m[2] = m0 * m21 + m2 * m22;
    m[3] = m1 * m21 + m3 * m22;
    m[4] = m0 * dx + m2 * dy + m4;
    m[5] = m1 * dx + m3 * dy + m5;
    return doc.addContent(`${pdfNumber(m11)} ${pdfNumber(m12)} ${pdfNumber(m21)} ${pdfNumber(m22)} ${pdfNumber(dx)} ${pdfNumber(dy)} cm`);
  };
}
