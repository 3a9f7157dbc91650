import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { transformWithoutGarbage } from '../src/engine/pdf-transform.js';

/** Page content full of origin moves, as react-pdf draws: translations, flips, rotations, scales, nested saves. */
async function pdf(withoutGarbage: boolean): Promise<Buffer> {
  const doc = new PDFDocument({ compress: false, autoFirstPage: false, info: { CreationDate: new Date(Date.UTC(2026, 0, 1)) } });
  if (withoutGarbage) transformWithoutGarbage(doc);
  const chunks: Buffer[] = [];
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  for (let page = 0; page < 3; page += 1) {
    doc.addPage();
    for (let step = 0; step < 50; step += 1) {
      doc.save();
      doc.translate(step * 1.1234567, -step / 3);
      doc.transform(1, 0, 0, -1, 0, 841.89);
      doc.rotate(step * 7.5, { origin: [20, 30] });
      doc.scale(1 + step / 1e7, 0.5);
      doc.translate(0, 0); // the identity writes nothing
      doc.rect(0, 0, 10, 10).fill('#333333');
      doc.restore();
    }
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

describe("pdfkit's transform without its garbage (pdf-transform.ts)", () => {
  it('writes the very operators pdfkit writes', async () => {
    const [own, ours] = [await pdf(false), await pdf(true)];
    expect(own.includes(' cm\n')).toBe(true);
    expect(ours.equals(own)).toBe(true);
  });
});
