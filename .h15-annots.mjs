import { readFile } from 'node:fs/promises';
import { getDocumentProxy } from 'unpdf';
const pdf = await getDocumentProxy(new Uint8Array(await readFile(process.argv[2])));
const pages = process.argv[3] ? process.argv[3].split(',').map(Number) : Array.from({length: pdf.numPages}, (_, i) => i + 1);
for (const n of pages) {
  const page = await pdf.getPage(n);
  for (const a of await page.getAnnotations()) {
    if (a.subtype !== 'Link') continue;
    let target = a.url ?? '';
    if (a.dest) { const d = typeof a.dest === 'string' ? await pdf.getDestination(a.dest) : a.dest; target = `${a.dest} -> p${await pdf.getPageIndex(d[0]) + 1}`; }
    console.log(`p${n} [${a.rect.map((v) => v.toFixed(1)).join(',')}] ${target}`);
  }
}
