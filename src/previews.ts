/**
 * npm run previews — the PNG pictures of pages that the README shows, made from a real
 * build so they never drift from what prep-pack prints. Needs pdftoppm (poppler-utils)
 * and the dev dependencies (unpdf).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { getDocumentProxy } from 'unpdf';
import { processIO } from './cli/io.js';
import { main } from './cli/main.js';
import { packageRoot } from './paths.js';

const target = join(packageRoot, 'out', 'previews');
const work = mkdtempSync(join(tmpdir(), 'prep-pack-previews-'));
const pdf = join(work, 'staff-google.pdf');

const code = await main(['build', '--role', 'staff', '--company', 'google', '--name', 'Ada Lovelace', '--out', pdf], {
  ...processIO,
  cwd: packageRoot,
  env: { ...process.env, SOURCE_DATE_EPOCH: '1767225600' },
});
if (code !== 0) process.exit(code);

/** The page of each heading anchor (named destination), read with a real PDF reader. */
async function readPageAnchors(path: string): Promise<Map<string, number>> {
  const document = await getDocumentProxy(new Uint8Array(await readFile(path)));
  const anchors = new Map<string, number>();
  for (const [name, destination] of Object.entries((await document.getDestinations()) as Record<string, unknown[]>)) {
    anchors.set(name, (await document.getPageIndex(destination[0] as Parameters<typeof document.getPageIndex>[0])) + 1);
  }
  return anchors;
}

const anchors = await readPageAnchors(pdf);
const pages: [string, number][] = [
  ['cover', 1],
  ['contents', anchors.get('section-contents')!],
  ['company', anchors.get('section-company')!],
  ['question', anchors.get('q-decision-without-information')!],
  ['star-worksheet', anchors.get('section-worksheets')!],
  ['story-bank', anchors.get('section-story-bank')!],
];
mkdirSync(target, { recursive: true });
for (const [name, page] of pages) {
  const prefix = join(work, name);
  const run = spawnSync('pdftoppm', ['-r', '60', '-png', '-singlefile', '-f', String(page), '-l', String(page), pdf, prefix], { encoding: 'utf8' });
  if (run.error || run.status !== 0) {
    console.error(`pdftoppm failed (${run.error?.message ?? run.stderr}); install poppler-utils.`);
    process.exit(1);
  }
  renameSync(`${prefix}.png`, join(target, `${name}.png`));
  console.log(`out/previews/${name}.png  (page ${page})`);
}
rmSync(work, { recursive: true, force: true });
