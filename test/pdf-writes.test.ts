import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { gatherWrites } from '../src/engine/pdf-writes.js';

/** A PDF made by pdfkit, its writes gathered or not: some hundred objects, streams among them, more than one 64 KB chunk. */
async function pdf(gathered: boolean): Promise<{ bytes: Buffer; chunks: number }> {
  const doc = new PDFDocument({ compress: true, autoFirstPage: false, info: { CreationDate: new Date(Date.UTC(2026, 0, 1)), Title: 'Zürich — €40k' } });
  if (gathered) gatherWrites(doc);
  const chunks: Buffer[] = [];
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  for (let page = 0; page < 100; page += 1) {
    doc.addPage();
    doc.text(`Page ${page + 1}: ${'words and more words '.repeat(40)}`);
    for (let box = 0; box < 20; box += 1) doc.rect(10 + box * 5, 10, 4, 4).stroke();
    for (let note = 0; note < 10; note += 1) doc.link(10, 10 + note * 12, 50, 10, `https://example.com/${page}/${note}`);
    // A stream written as lines and bytes in turn (as an embedded font's is): the bytes keep their place.
    const mixed = (doc as unknown as { ref(data?: object): { write(chunk: string | Uint8Array): void; end(): void } }).ref({ Page: page });
    mixed.write(`lines before ${page}`);
    mixed.write(Buffer.from([0, 1, 2, 250, 255, page]));
    mixed.write('a line after, é and €');
    mixed.end();
    // Objects without a stream, of every kind of value plainObjectText writes (pdf-plain-objects.ts), and of kinds it leaves to pdfkit (a date, bytes).
    const ref = (doc as unknown as { ref(data?: object): { end(): void } }).ref.bind(doc);
    const page1 = ref({ Type: 'Page' });
    ref({ S: 'P', Alt: new String(`(${page}) ü\\ “quoted” \n\t€`), ActualText: new String('plain (words)'), P: page1, K: [page, 1.23456789, -0.5, null, undefined, true, { Type: 'MCR', Pg: page1, MCID: 3 }], Skipped: undefined }).end();
    ref({ When: new Date(Date.UTC(2026, 1, 2)), Bytes: new Uint8Array([1, 2, 254]) }).end();
    page1.end();
  }
  // A page whose content runs to many KB: its lines become bytes several times before the page ends.
  doc.addPage();
  for (let box = 0; box < 3000; box += 1) doc.rect(box % 500, box / 10, 1 + box / 1000, 2).fill(box % 2 ? '#333333' : '#777777');
  doc.end();
  await done;
  return { bytes: Buffer.concat(chunks), chunks: chunks.length };
}

describe('pdfkit writes gathered into chunks (pdf-writes.ts)', () => {
  it('gives the very bytes pdfkit writes on its own, in fewer chunks', async () => {
    const [own, gathered] = [await pdf(false), await pdf(true)];
    expect(own.bytes.length).toBeGreaterThan(128 * 1024);
    expect(gathered.bytes.equals(own.bytes)).toBe(true);
    // pdfkit's own: a chunk per line written; gathered: the lines between two streams in one.
    expect(gathered.chunks).toBeLessThan(own.chunks / 4);
    // The mixed streams are there, uncompressed bytes and all (compressed: their lines are not readable as such).
    expect(own.bytes.includes('/Page 99')).toBe(true);
  });
});
