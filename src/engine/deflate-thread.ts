import { Worker } from 'node:worker_threads';
import { finishBeforeExit } from '../process/clean-up-on-signal.js';

/**
 * Streams deflated on a thread of their own (pdf-deflate-in-background.ts), one after
 * another with zlib's deflateSync: a worker thread, started once per process and kept.
 *
 * Why not zlib's asynchronous deflate, which runs on Node's thread pool: drawing is one
 * synchronous run, and each asynchronous deflate still made its zlib stream, started it
 * and, once drawing was over, took its result back through the stream's events on the
 * drawing thread: measured with 70 streams of a sheet's size, 6-17 ms of the drawing
 * thread's time going out and 7-14 ms coming back, against 17-47 ms deflating them
 * there. Handed to a worker thread (the bytes moved, not copied), ~5 ms going out and
 * ~1 ms coming back. The thread starts in ~60 ms, while the pages are laid out
 * (`startDeflateThread`).
 *
 * The thread's code is a few lines given as text: zlib and the message port, nothing of
 * prep-pack's, so it needs no file of its own beside the bundle.
 */
const THREAD_CODE = `
const { parentPort } = require('node:worker_threads');
const { deflateSync } = require('node:zlib');
parentPort.on('message', ({ id, data }) => {
  const deflated = deflateSync(data);
  parentPort.postMessage({ id, deflated }, [deflated.buffer]);
});
`;

let thread: Worker | undefined;
let nextId = 0;
const waiting = new Map<number, { resolve: (bytes: Buffer) => void; reject: (error: unknown) => void }>();

/** Who waits for every stream out to come back (`allStreamsBack`). */
const waitingForAllBack: (() => void)[] = [];

/** Once no stream is out, whoever waited for them all is told. */
function tellIfAllBack(): void {
  if (waiting.size > 0) return;
  for (const tell of waitingForAllBack.splice(0)) tell();
}

/**
 * Node 20 can abort the whole process ("Assertion failed: init_done_ && close before
 * init", a native stack trace, exit 134) when a thread is stopped inside deflateSync, as
 * process.exit stops it: 1 run in 200 of a script that posts 50 streams of 20 KB to such
 * a thread and calls process.exit 0-6 ms later. So a process exiting on its own
 * (cleanUpNow, as on a closed pipe) first waits for the streams out to come back: the
 * thread is then idle between messages, where stopping it is safe.
 */
const allStreamsBack = () => (waiting.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => waitingForAllBack.push(resolve)));
finishBeforeExit(allStreamsBack);

/** Starts the thread, if it is not running yet, so that it is ready when the first stream comes. */
export function startDeflateThread(): void {
  if (thread) return;
  const started = new Worker(THREAD_CODE, { eval: true });
  started.on('message', ({ id, deflated }: { id: number; deflated: Uint8Array }) => {
    const asked = waiting.get(id);
    waiting.delete(id);
    asked?.resolve(Buffer.from(deflated.buffer, deflated.byteOffset, deflated.byteLength));
    // Only a process with streams still to come back waits for the thread.
    if (waiting.size === 0) started.unref();
    tellIfAllBack();
  });
  const fail = (error: unknown) => {
    if (thread === started) thread = undefined;
    for (const asked of waiting.values()) asked.reject(error);
    waiting.clear();
    tellIfAllBack();
  };
  started.on('error', fail);
  started.on('exit', (code) => fail(new Error(`the thread that deflates the PDF's streams stopped (exit code ${code})`)));
  started.unref();
  thread = started;
}

/** `data` deflated by zlib as deflateSync does it. `data` is handed over: its bytes are no longer readable here. */
export function deflateOnThread(data: Buffer): Promise<Buffer> {
  startDeflateThread();
  const id = nextId++;
  const deflated = new Promise<Buffer>((resolve, reject) => waiting.set(id, { resolve, reject }));
  // Moved, not copied, when the bytes have a memory of their own (not a slice of Node's shared pool).
  const whole = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength;
  const bytes = whole ? data : Buffer.from(data);
  thread!.ref();
  thread!.postMessage({ id, data: bytes }, [bytes.buffer as ArrayBuffer]);
  return deflated;
}
