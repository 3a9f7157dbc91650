/**
 * pdfkit writes a PDF a line at a time: every object is three or four `_write`s, each
 * turning its string into bytes in a JavaScript loop (`fromBinaryString`) and pushing them
 * through the document's Readable stream as a chunk of its own. A tagged workbook is some
 * 3,500 objects, and measured in pdfkit alone that per-write cost was most of what writing
 * them cost (more than the structure elements' own bookkeeping). The lines are gathered
 * here and pushed in chunks of 64 KB, converted by Node (`latin1`, the same low byte of
 * each character as `fromBinaryString`); bytes pdfkit already has (streams) go through
 * after what is gathered, so the PDF is the same byte for byte. `_offset`, which the
 * cross-reference table is built from, counts every byte as pdfkit's own `_write` does.
 */

interface PdfKitWrites {
  _write(data: string | Uint8Array): void;
  _offset: number;
  push(chunk: Uint8Array | null): boolean;
}

const CHUNK = 64 * 1024;

export function gatherWrites(ctx: unknown): void {
  const doc = ctx as PdfKitWrites;
  const push = doc.push.bind(doc);
  let lines: string[] = [];
  let gathered = 0;
  const flush = () => {
    if (lines.length === 0) return;
    push(Buffer.from(lines.join(''), 'latin1'));
    lines = [];
    gathered = 0;
  };
  doc._write = (data) => {
    if (typeof data === 'string') {
      const line = `${data}\n`;
      lines.push(line);
      gathered += line.length;
      doc._offset += line.length;
      if (gathered >= CHUNK) flush();
      return;
    }
    flush();
    push(data);
    doc._offset += data.length;
  };
  // The end of the document (push(null)) and anything else pushed comes after what is gathered.
  doc.push = (chunk) => {
    flush();
    return push(chunk);
  };
}
