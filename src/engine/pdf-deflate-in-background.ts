import { deflateOnThread } from './deflate-thread.js';
import { flushGatheredLines, writeObject } from './pdf-writes.js';

/**
 * pdfkit deflates each stream (a sheet's drawing, a font) with zlib's deflateSync as the
 * object is written: ~30 ms of a warm 58-sheet rebuild, on the one thread that also
 * draws (11 % of a watch worker's CPU profile). Here a stream is handed to a thread of its
 * own (deflate-thread.ts), so on a machine with a second core it is compressed while the
 * next sheets are drawn; the same zlib, the same level, the same compressed bytes.
 *
 * Such an object is written once the document ends, after everything else, in the order
 * its stream was ended (sheet by sheet, then the fonts): never in the order the
 * compressions happen to finish, so that the same inputs still give the same bytes.
 * pdfkit allows for this: `end()` holds the cross-reference table back while objects it
 * made are not yet written (`_waiting`), and writes it once the last one is.
 */

/**
 * Drawing is one synchronous run, so a stream's deflated bytes come back, and the bytes it
 * was deflated from are let go of by the thread, only once it is over: for a workbook
 * (~60 sheets, ~1.2 MB of drawing) that is little, but a 1,000-question pack (1,075
 * sheets) peaked ~25 MB higher (/usr/bin/time, 339-373 MB against 308-342 MB, two pairs).
 * A document of more sheets than this is deflated by pdfkit as it writes, as before.
 */
const MAX_SHEETS_DEFLATED_ASIDE = 250;

/**
 * Whether a document of `count` sheets has its streams deflated on the thread. Also asked of
 * its count of pages before layout, to start the thread early: a document has at least as
 * many sheets as pages.
 */
export const deflatesStreamsAside = (count: number) => count <= MAX_SHEETS_DEFLATED_ASIDE;

interface PdfKitDocument {
  ref(data?: unknown): StreamReference;
  end(): void;
  emit(event: 'error', error: unknown): boolean;
  _security?: unknown;
}

interface StreamReference {
  buffer: Uint8Array[];
  compress: boolean;
  document: PdfKitDocument;
  finalize(this: StreamReference): void;
}

interface DeflatedLater {
  ref: StreamReference;
  deflated: Promise<Buffer>;
}

/** Per document: its streams waiting to be written, in the order they were ended. */
const waitingOf = new WeakMap<PdfKitDocument, DeflatedLater[]>();

/** Set up after gatherWrites (pdf-writes.ts), whose objects' `finalize` this stands in front of. */
export function deflateStreamsInBackground(ctx: unknown): void {
  const doc = ctx as PdfKitDocument;
  if (doc._security) return; // an encrypted stream is encrypted as it is written: left to pdfkit
  const waiting: DeflatedLater[] = [];
  waitingOf.set(doc, waiting);
  const makeRef = doc.ref.bind(doc);
  doc.ref = (data) => {
    const ref = makeRef(data);
    // One function for every object (no closure each: a tagged workbook makes ~3,500).
    ref.finalize = finalizeInBackground;
    return ref;
  };
  const end = doc.end.bind(doc);
  doc.end = () => {
    end();
    if (waiting.length > 0) void writeWaiting(doc, waiting);
  };
}

/** An object's `finalize`: a stream to compress is compressed aside; anything else is written now. */
function finalizeInBackground(this: StreamReference): void {
  flushGatheredLines(this);
  if (!this.compress || this.buffer.length === 0) {
    writeObject(this);
    return;
  }
  const raw = Buffer.concat(this.buffer);
  this.buffer = [];
  const deflated = deflateOnThread(raw);
  // Not unhandled while it waits for its turn: a failure is reported when its turn comes.
  deflated.catch(() => undefined);
  waitingOf.get(this.document)!.push({ ref: this, deflated });
}

/** Once the document has ended: each waiting stream written, compressed, in the order it was ended. */
async function writeWaiting(doc: PdfKitDocument, waiting: DeflatedLater[]): Promise<void> {
  try {
    for (const { ref, deflated } of waiting.splice(0)) {
      ref.buffer = [await deflated];
      // Already compressed: pdfkit writes the bytes as they are (its Filter was set as the stream was written).
      ref.compress = false;
      writeObject(ref);
    }
  } catch (error) {
    doc.emit('error', error);
  }
}
