/**
 * npm run previews — the PNG pictures of pages that the README shows, made from a real
 * build so they never drift from what prep-pack prints. Needs pdftoppm (poppler-utils)
 * and the dev dependencies (unpdf).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { PNG } from 'pngjs';
import { getDocumentProxy } from 'unpdf';
import { packageRoot } from '../src/paths.js';

const target = join(packageRoot, 'out', 'previews');
const work = mkdtempSync(join(tmpdir(), 'prep-pack-previews-'));
const pdf = join(work, 'staff-google.pdf');

// The pictures are of what a user gets: the built CLI, as a process of its own.
function buildPack(out: string, ...options: string[]): void {
  const build = spawnSync(process.execPath, [join(packageRoot, 'dist', 'bin.js'), 'build', '--role', 'staff', '--company', 'google', '--name', 'Ada Lovelace', ...options, '--out', out], {
    cwd: packageRoot,
    env: { ...process.env, SOURCE_DATE_EPOCH: '1767225600' },
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
buildPack(pdf);
// For the spread: printed on both sides with the model answers inline, the back of a question's sheet faces the next question.
const duplexPdf = join(work, 'staff-google-duplex.pdf');
buildPack(duplexPdf, '--duplex', '--answers', 'inline');

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
/** One page as a PNG in the work folder, at the previews' resolution. */
function pagePicture(from: string, page: number, name: string): string {
  const prefix = join(work, name);
  const run = spawnSync('pdftoppm', ['-r', '60', '-png', '-singlefile', '-f', String(page), '-l', String(page), from, prefix], { encoding: 'utf8' });
  if (run.error || run.status !== 0) {
    console.error(`pdftoppm failed (${run.error?.message ?? run.stderr}); install poppler-utils.`);
    process.exit(1);
  }
  return `${prefix}.png`;
}

/** Two facing pages side by side, as an open binder shows them: a back on the left, the next front on the right. */
function spreadPicture(left: string, right: string, out: string): void {
  const [back, front] = [PNG.sync.read(readFileSync(left)), PNG.sync.read(readFileSync(right))];
  const spread = new PNG({ width: back.width + front.width, height: Math.max(back.height, front.height) });
  PNG.bitblt(back, spread, 0, 0, back.width, back.height, 0, 0);
  PNG.bitblt(front, spread, 0, 0, front.width, front.height, back.width, 0);
  // The fold: a one-pixel grey line where the pages meet.
  for (let y = 0; y < spread.height; y += 1) spread.data.fill(160, (y * spread.width + back.width) * 4, (y * spread.width + back.width) * 4 + 3);
  writeFileSync(out, PNG.sync.write(spread));
}

mkdirSync(target, { recursive: true });
for (const [name, page] of pages) {
  renameSync(pagePicture(pdf, page, name), join(target, `${name}.png`));
  console.log(`out/previews/${name}.png  (page ${page})`);
}
const duplexAnchors = await readPageAnchors(duplexPdf);
// The back of the first question's sheet (its model answers) and the front of the second question.
const spreadLeft = duplexAnchors.get('q-decision-without-information')! + 1;
spreadPicture(pagePicture(duplexPdf, spreadLeft, 'spread-left'), pagePicture(duplexPdf, spreadLeft + 1, 'spread-right'), join(target, 'spread.png'));
console.log(`out/previews/spread.png  (duplex, answers inline: pages ${spreadLeft}–${spreadLeft + 1})`);
rmSync(work, { recursive: true, force: true });
