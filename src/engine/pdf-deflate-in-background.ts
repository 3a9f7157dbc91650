import { deflateOnThread } from './deflate-thread.js';
import { flushGatheredLines } from './pdf-writes.js';

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
 * (~60 sheets, ~1.2 MB of drawing) that is little, but a 1,000-question pack (~1,000
 * pages) peaked ~25 MB higher (/usr/bin/time, 339-373 MB against 308-342 MB, two pairs),
 * and no slower to deflate on the drawing thread than the time it waits for the rest.
 * Beyond this many pages (react-pdf `<Page>`s, as many as the layout files keep,
 * page-layout-files.ts), pdfkit deflates as it writes, as before.
 */
const MAX_PAGES_DEFLATED_ASIDE = 250;

/** Whether a document of `pageCount` pages has its streams deflated on the thread (`deflateStreamsInBackground`). */
export const deflatesStreamsAside = (pageCount: number) => pageCount <= MAX_PAGES_DEFLATED_ASIDE;

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
  finalize(): void;
}

interface DeflatedLater {
  ref: StreamReference;
  deflated: Promise<Buffer>;
}

/** Per document: its streams waiting to be written, and how its objects are written otherwise (pdf-writes.ts's finalize, the same for every object). */
interface Waiting {
  streams: DeflatedLater[];
  finalizeNow?: () => void;
}
const waitingOf = new WeakMap<PdfKitDocument, Waiting>();

/** Set up after gatherWrites (pdf-writes.ts), whose objects' `finalize` this stands in front of. */
export function deflateStreamsInBackground(ctx: unknown): void {
  const doc = ctx as PdfKitDocument;
  if (doc._security) return; // an encrypted stream is encrypted as it is written: left to pdfkit
  const waiting: Waiting = { streams: [] };
  waitingOf.set(doc, waiting);
  const makeRef = doc.ref.bind(doc);
  doc.ref = (data) => {
    const ref = makeRef(data);
    waiting.finalizeNow ??= ref.finalize;
    // One function for every object (no closure each: a tagged workbook makes ~3,500).
    ref.finalize = finalizeInBackground;
    return ref;
  };
  const end = doc.end.bind(doc);
  doc.end = () => {
    end();
    if (waiting.streams.length > 0) void writeWaiting(doc, waiting);
  };
}

/** An object's `finalize`: a stream to compress is compressed aside; anything else is written now. */
function finalizeInBackground(this: StreamReference): void {
  const waiting = waitingOf.get(this.document)!;
  flushGatheredLines(this);
  if (!this.compress || this.buffer.length === 0) {
    waiting.finalizeNow!.call(this);
    return;
  }
  const raw = Buffer.concat(this.buffer);
  this.buffer = [];
  const deflated = deflateOnThread(raw);
  // Not unhandled while it waits for its turn: a failure is reported when its turn comes.
  deflated.catch(() => undefined);
  waiting.streams.push({ ref: this, deflated });
}

/** Once the document has ended: each waiting stream written, compressed, in the order it was ended. */
async function writeWaiting(doc: PdfKitDocument, waiting: Waiting): Promise<void> {
  try {
    for (const { ref, deflated } of waiting.streams) {
      ref.buffer = [await deflated];
      // Already compressed: pdfkit writes the bytes as they are (its Filter was set as the stream was written).
      ref.compress = false;
      waiting.finalizeNow!.call(ref);
    }
    waiting.streams.length = 0;
  } catch (error) {
    doc.emit('error', error);
  }
}
