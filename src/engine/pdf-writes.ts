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
 *
 * The same holds inside a stream (`gatherStreamWrites`, below): every drawing operator
 * (`addContent`: a move, a colour, a run of glyphs) was turned into a Uint8Array of its
 * own, kept until its page ended. Those tens of thousands of small arrays per build lived
 * long enough to be copied by every young-generation collection (about a quarter of what
 * those collections promoted, measured with V8's sampling heap profiler).
 */

import { plainObjectText } from './pdf-plain-objects.js';

interface PdfKitWrites {
  _write(data: string | Uint8Array): void;
  _offset: number;
  push(chunk: Uint8Array | null): boolean;
  ref(data?: unknown): PdfKitReference;
}

/** pdfkit's indirect object: `write` adds to its stream (a string with a newline after it), `finalize` writes it out. */
interface PdfKitReference {
  write(chunk: string | Uint8Array): void;
  finalize(): void;
}

const CHUNK = 64 * 1024;
const STREAM_CHUNK = 8 * 1024;

/**
 * Lines (each written with the newline pdfkit adds) gathered and handed to `sink` as one
 * latin1 buffer once `limit` characters are gathered, or when `flush` is called: before
 * bytes that must come after them, and at the end.
 */
function lineGatherer(limit: number, sink: (bytes: Uint8Array) => void): { add(line: string): number; flush(): void } {
  let lines: string[] = [];
  let gathered = 0;
  const flush = () => {
    if (lines.length === 0) return;
    sink(Buffer.from(lines.join(''), 'latin1'));
    lines = [];
    gathered = 0;
  };
  return {
    /** Gathers a line; returns how many bytes it adds (its characters and the newline). */
    add(line) {
      const written = `${line}\n`;
      lines.push(written);
      gathered += written.length;
      if (gathered >= limit) flush();
      return written.length;
    },
    flush,
  };
}

export function gatherWrites(ctx: unknown): void {
  const doc = ctx as PdfKitWrites;
  gatherStreamWrites(doc);
  const push = doc.push.bind(doc);
  const gathered = lineGatherer(CHUNK, (bytes) => push(bytes));
  doc._write = (data) => {
    if (typeof data === 'string') {
      doc._offset += gathered.add(data);
      return;
    }
    gathered.flush();
    push(data);
    doc._offset += data.length;
  };
  // The end of the document (push(null)) and anything else pushed comes after what is gathered.
  doc.push = (chunk) => {
    gathered.flush();
    return push(chunk);
  };
}

/**
 * A stream's lines are kept as strings and turned into bytes a few KB at a time, when the
 * next bytes come (an embedded font's data) or when the object is written out, through pdfkit's own
 * `write`: its stream, `Length` and `Filter` come out as they would line by line. Objects
 * pdfkit makes before this is set up (its catalog, its page tree) have no streams.
 * Turned into bytes every few KB, not at the page's end: strings kept for a whole page
 * outlived young-generation collections and were copied by them.
 */
function gatherStreamWrites(doc: PdfKitWrites): void {
  const makeRef = doc.ref.bind(doc);
  // The same two functions for every object, its gatherer made at its first line: most objects
  // (a tagged workbook's ~3,000 structure elements) have no stream, and a gatherer and four
  // closures made for each were about half of what making a structure element cost (--cpu-prof).
  doc.ref = (data) => {
    const ref = makeRef(data) as GatheringReference;
    ref.write = writeGathered;
    ref.finalize = finalizeGathered;
    return ref;
  };
}

/** A pdfkit object whose stream's lines are gathered (`gatherStreamWrites`). */
interface GatheringReference extends PdfKitReference {
  gathered?: ReturnType<typeof lineGatherer>;
  readonly id: number;
  readonly gen: number;
  readonly data: unknown;
  /** The stream's bytes so far (pdfkit's). */
  readonly buffer: readonly unknown[];
  offset: number;
  readonly document: PdfKitWrites & { _security?: unknown; _refEnd(ref: unknown): void };
}

/** pdfkit's own `write` and `finalize` (its reference class's, which these stand in for on each object). */
const pdfkitOwn = (ref: GatheringReference) => Object.getPrototypeOf(ref) as PdfKitReference;

function writeGathered(this: GatheringReference, chunk: string | Uint8Array): void {
  if (typeof chunk === 'string') {
    (this.gathered ??= lineGatherer(STREAM_CHUNK, (bytes) => pdfkitOwn(this).write.call(this, bytes))).add(chunk);
    return;
  }
  this.gathered?.flush();
  pdfkitOwn(this).write.call(this, chunk);
}

/** What was written into an object's stream so far, as bytes in its buffer: for a step that writes the object itself (pdf-deflate-in-background.ts). */
export function flushGatheredLines(ref: unknown): void {
  (ref as GatheringReference).gathered?.flush();
}

/** Writes an object out now, as every object's `finalize` does: for a step that decides when (pdf-deflate-in-background.ts). */
export function writeObject(ref: unknown): void {
  finalizeGathered.call(ref as GatheringReference);
}

function finalizeGathered(this: GatheringReference): void {
  this.gathered?.flush();
  if (this.buffer.length === 0 && !this.document._security) {
    // pdfkit's finalize of an object without a stream, its dictionary written by plainObjectText.
    const abstractReference = Object.getPrototypeOf(pdfkitOwn(this)) as object;
    const text = plainObjectText(this.data, (value) => abstractReference.isPrototypeOf(value));
    if (text !== undefined) {
      this.offset = this.document._offset;
      this.document._write(`${this.id} ${this.gen} obj`);
      this.document._write(text);
      this.document._write('endobj');
      this.document._refEnd(this);
      return;
    }
  }
  pdfkitOwn(this).finalize.call(this);
}
