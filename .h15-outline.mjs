import { readFile } from 'node:fs/promises';
import { getDocumentProxy } from 'unpdf';
const pdf = await getDocumentProxy(new Uint8Array(await readFile(process.argv[2])));
const out = await pdf.getOutline();
const pr = async (items, d) => { for (const i of items) { const dest = typeof i.dest === 'string' ? await pdf.getDestination(i.dest) : i.dest; const p = dest ? await pdf.getPageIndex(dest[0]) + 1 : '?'; console.log('  '.repeat(d) + i.title.slice(0, 50) + ' p' + p); await pr(i.items, d + 1); } };
await pr(out, 0);
