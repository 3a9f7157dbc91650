import PDFDocument from 'pdfkit';
import { deflateSync, inflateSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { deflateOnThread } from '../src/engine/deflate-thread.js';
import { deflateStreamsInBackground } from '../src/engine/pdf-deflate-in-background.js';
import { gatherWrites } from '../src/engine/pdf-writes.js';

/**
 * The deflate thread is Node's own worker thread, which a test can make stop as a crash
 * would (it exits with code 1) as a stream is posted to it. It stops itself (process.exit
 * in the thread, before that stream's deflateSync begins) rather than being terminated
 * from here: terminating a thread inside deflateSync can abort Node 20 itself ("close
 * before init"), which took down this test's process once in CI.
 */
const threads = vi.hoisted(() => ({ made: 0, stopAtNextPost: false }));
vi.mock('node:worker_threads', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:worker_threads')>();
  // Listens before the thread's own code does, so its deflate never starts.
  const stopWhenTold = `require('node:worker_threads').parentPort.on('message', (message) => { if (message.stopNow) process.exit(1); });\n`;
  class StoppableWorker extends actual.Worker {
    constructor(code: string, options: ConstructorParameters<typeof actual.Worker>[1]) {
      super(stopWhenTold + code, options);
      threads.made += 1;
    }
    override postMessage(message: object, transfer?: readonly Transferable[]): void {
      const stopNow = threads.stopAtNextPost;
      threads.stopAtNextPost = false;
      super.postMessage(stopNow ? { ...message, stopNow } : message, transfer as never);
    }
  }
  return { ...actual, Worker: StoppableWorker, default: { ...actual, Worker: StoppableWorker } };
});

/** A PDF of many pages drawn by pdfkit, its writes gathered (as the engine does), its streams deflated on the deflate thread or by pdfkit. */
async function pdf(inBackground: boolean): Promise<Buffer> {
  const doc = new PDFDocument({ compress: true, autoFirstPage: false, info: { CreationDate: new Date(Date.UTC(2026, 0, 1)), Title: 'Streams' } });
  gatherWrites(doc);
  if (inBackground) deflateStreamsInBackground(doc);
  const chunks: Buffer[] = [];
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  for (let page = 0; page < 60; page += 1) {
    doc.addPage();
    doc.text(`Page ${page + 1}: ${'words and more words '.repeat(30 + page)}`);
    for (let box = 0; box < 200; box += 1) doc.rect(10 + (box % 50) * 5, 10 + box, 4, 4).fill(box % 2 ? '#333333' : '#777777');
    doc.link(10, 10, 50, 10, `https://example.com/${page}`);
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

/** Each object of a PDF by number: its dictionary and its stream inflated. */
function objects(bytes: Buffer): Map<number, { dictionary: string; stream?: string }> {
  const text = bytes.toString('latin1');
  const found = new Map<number, { dictionary: string; stream?: string }>();
  for (const match of text.matchAll(/(\d+) 0 obj\n([\s\S]*?)\nendobj/g)) {
    const [, id, body] = match;
    const at = body!.indexOf('\nstream\n');
    if (at < 0) {
      found.set(Number(id), { dictionary: body! });
      continue;
    }
    const data = Buffer.from(body!.slice(at + 8, body!.lastIndexOf('\nendstream')), 'latin1');
    found.set(Number(id), { dictionary: body!.slice(0, at), stream: inflateSync(data).toString('latin1') });
  }
  return found;
}

describe('streams deflated on a thread of their own (pdf-deflate-in-background.ts)', () => {
  it('holds the same objects as pdfkit deflating them itself, every stream the same once inflated', async () => {
    const [own, background] = [await pdf(false), await pdf(true)];
    const [ownObjects, backgroundObjects] = [objects(own), objects(background)];
    expect(ownObjects.size).toBeGreaterThan(200);
    expect([...backgroundObjects.keys()].sort((a, b) => a - b)).toEqual([...ownObjects.keys()].sort((a, b) => a - b));
    let streams = 0;
    for (const [id, object] of ownObjects) {
      expect(backgroundObjects.get(id), `object ${id}`).toEqual(object);
      if (object.stream !== undefined) streams += 1;
    }
    expect(streams).toBeGreaterThanOrEqual(60);
    // Written elsewhere in the file: after every object without a stream.
    expect(background.equals(own)).toBe(false);
  });

  it('gives the same bytes every time, whichever compression finishes first', async () => {
    const runs = await Promise.all([pdf(true), pdf(true), pdf(true)]);
    expect(runs[1]!.equals(runs[0]!)).toBe(true);
    expect(runs[2]!.equals(runs[0]!)).toBe(true);
  });

  it('points the cross-reference table at each object where it now is', async () => {
    const bytes = await pdf(true);
    const text = bytes.toString('latin1');
    const table = /xref\n0 (\d+)\n0000000000 65535 f \n((?:\d{10} 00000 n \n)+)/.exec(text);
    expect(table).not.toBeNull();
    const offsets = table![2]!.trim().split('\n').map((line) => Number(line.slice(0, 10)));
    expect(offsets.length).toBe(Number(table![1]) - 1);
    offsets.forEach((offset, index) => expect(text.slice(offset, offset + String(index + 1).length + 6)).toBe(`${index + 1} 0 obj`));
  });
});

describe('the deflate thread (deflate-thread.ts)', () => {
  it('gives deflateSync\'s bytes, for a slice of Node\'s shared pool (copied) and for bytes of their own (moved)', async () => {
    const small = Buffer.from('a few words, in a slice of the shared pool');
    const neighbour = Buffer.from('another slice of the same pool');
    const large = Buffer.alloc(200_000, 'q 1 0 0 1 72 720 cm 0 0 m 100 0 l S Q\n');
    const expected = [deflateSync(small), deflateSync(large)];
    const [smallOut, largeOut] = await Promise.all([deflateOnThread(small), deflateOnThread(large)]);
    expect(smallOut.equals(expected[0]!)).toBe(true);
    expect(largeOut.equals(expected[1]!)).toBe(true);
    expect(inflateSync(largeOut).length).toBe(200_000);
    // The pool the small one came from is still there for everything else in it.
    expect(neighbour.toString()).toBe('another slice of the same pool');
  });

  it('fails what it was given when the thread stops, and starts a new thread for what comes next', async () => {
    const data = Buffer.alloc(100_000, 'BT /F1 10 Tf (words) Tj ET\n');
    const expected = deflateSync(data);
    await deflateOnThread(Buffer.from(data)); // the thread is running
    const madeBefore = threads.made;
    threads.stopAtNextPost = true;
    await expect(deflateOnThread(Buffer.from(data))).rejects.toThrow(/thread that deflates the PDF's streams stopped/);
    const after = await deflateOnThread(Buffer.from(data));
    expect(after.equals(expected)).toBe(true);
    expect(threads.made).toBe(madeBefore + 1);
  });

  it('makes the document fail, not end without its streams, when the thread stops while drawing', async () => {
    await deflateOnThread(Buffer.from('the thread is running'));
    threads.stopAtNextPost = true;
    await expect(pdf(true)).rejects.toThrow(/thread that deflates the PDF's streams stopped/);
    // The next document is whole again, on a new thread.
    const [own, background] = [await pdf(false), await pdf(true)];
    expect([...objects(background).keys()].sort((a, b) => a - b)).toEqual([...objects(own).keys()].sort((a, b) => a - b));
  });
});
