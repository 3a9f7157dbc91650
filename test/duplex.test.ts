import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { readPdf, type PdfFacts } from './helpers/pdf.js';

const dir = mkdtempSync(join(tmpdir(), 'prep-pack-duplex-'));

async function build(name: string, ...args: string[]): Promise<{ path: string; pdf: PdfFacts }> {
  const path = join(dir, `${name}.pdf`);
  const run = await runCli(['build', ...args, '--out', path]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return { path, pdf: await readPdf(path) };
}

/** The first page of every section and question group, by the named destinations of their headings. */
const sectionStarts = (pdf: PdfFacts) => [...pdf.destinations].filter(([id]) => id.startsWith('section-') || id.startsWith('group-'));

/** A filler page: a Notes heading, "Notes" in the running header, and nothing else printed but the running lines. */
const isFiller = (page: string) =>
  page.includes('Staff Engineer · Google') &&
  /page \d+ of \d+/.test(page) &&
  page.replace('Staff Engineer · Google', '').replace(/prep-pack · [0-9a-f]+/, '').replace(/page \d+ of \d+/, '').replace(/\s+/g, ' ').trim() === 'Notes Notes';

/** Rows of a page, drawn at 50 dpi in grey, that are mostly ink: ruled lines across the page. */
function ruledRows(path: string, page: number): number {
  const pgm = execFileSync('pdftoppm', ['-r', '50', '-gray', '-f', String(page), '-l', String(page), path]);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.toString('latin1', 0, 40))!;
  const [width, height] = [Number(header[1]), Number(header[2])];
  const pixels = pgm.subarray(header[0].length);
  let rows = 0;
  for (let y = 0; y < height; y += 1) {
    let dark = 0;
    for (let x = 0; x < width; x += 1) if (pixels[y * width + x]! < 230) dark += 1;
    if (dark > width * 0.6) rows += 1;
  }
  return rows;
}

describe('--duplex: every section starts on a right-hand page', () => {
  let plain: { path: string; pdf: PdfFacts };
  let duplex: { path: string; pdf: PdfFacts };
  beforeAll(async () => {
    plain = await build('plain', '--role', 'staff', '--company', 'google');
    duplex = await build('duplex', '--role', 'staff', '--company', 'google', '--duplex');
  }, 120_000);

  it('starts every section and question group on an odd page', () => {
    const starts = sectionStarts(duplex.pdf);
    expect(starts.length).toBeGreaterThan(8);
    expect(starts.filter(([, page]) => page % 2 === 0)).toEqual([]);
  });

  it('fills the gaps with ruled Notes pages, never blank ones, and only where a section would start on a back', () => {
    const fillers = duplex.pdf.pages.flatMap((page, index) => (isFiller(page) ? [index + 1] : []));
    expect(fillers.length).toBeGreaterThan(0);
    expect(duplex.pdf.pages.length).toBe(plain.pdf.pages.length + fillers.length);
    const sectionPages = new Set(sectionStarts(duplex.pdf).map(([, page]) => page));
    for (const filler of fillers) {
      expect(filler % 2, `page ${filler}`).toBe(0);
      expect(sectionPages.has(filler + 1), `page ${filler} comes before a section`).toBe(true);
      expect(ruledRows(duplex.path, filler), `page ${filler}`).toBeGreaterThanOrEqual(25);
    }
    // Its folio is at the outer edge of a back: the mirroring follows the new order of pages.
    expect(duplex.pdf.pages[fillers[0]! - 1]).toMatch(new RegExp(`^Notes Staff Engineer · Google Notes page ${fillers[0]} of ${duplex.pdf.pages.length} `));
  });

  it('prints page numbers that hold after the insertion: contents, model answers, page X of Y', async () => {
    const { pdf } = duplex;
    const printed: number[] = [];
    const contentsPage = pdf.destinations.get('section-contents')!;
    for (let page = contentsPage; page <= pdf.pages.length && pdf.pages[page - 1]!.includes('Contents'); page += 1) {
      for (const line of await pdf.lines(page)) {
        // The page number, after the title's dot leaders.
        const words = line.join(' ').replace(/(\s*\.){2,}/g, ' ').trim().split(/\s+/);
        const last = words.at(-1)!;
        if (words.length > 1 && /^\d+$/.test(last) && !line.join(' ').startsWith('page ')) printed.push(Number(last));
      }
    }
    expect(printed.length).toBeGreaterThan(10);
    const destinationsInOrder = [...pdf.destinations.values()].sort((a, b) => a - b);
    for (const page of printed) expect(destinationsInOrder).toContain(page);
    expect(printed).toContain(pdf.destinations.get('section-answers'));
    expect(printed).toContain(pdf.destinations.get('section-practice-log'));
    const questionPage = pdf.destinations.get('q-decision-without-information')!;
    expect(pdf.pages[questionPage - 1]).toContain(`Model answer on page ${pdf.destinations.get('answer-decision-without-information')}`);
    const total = pdf.pages.length;
    pdf.pages.slice(1).forEach((page, index) => expect(page).toContain(`page ${index + 2} of ${total}`));
  });

  it('never prints text over other text', async () => {
    expect(await duplex.pdf.overlaps()).toEqual([]);
  });

  it('changes nothing without --duplex: no Notes pages, sections where they fall', () => {
    expect(plain.pdf.pages.filter(isFiller)).toEqual([]);
    expect(sectionStarts(plain.pdf).some(([, page]) => page % 2 === 0)).toBe(true);
  });

  it('is a pack-file key too, and works on A4 with the mentor template', async () => {
    writeFileSync(join(dir, 'ada.md'), '---\nrole: staff\ncompany: google\nduplex: true\npaper: a4\ntemplate: mentor\n---\n');
    const out = join(dir, 'ada.pdf');
    const run = await runCli(['build', join(dir, 'ada.md'), '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const pdf = await readPdf(out);
    expect(sectionStarts(pdf).filter(([, page]) => page % 2 === 0)).toEqual([]);
    expect(readFileSync(out).length).toBeGreaterThan(0);
  });

  it('with --answers inline, puts each model answer on the back of its question’s sheet', async () => {
    const { pdf } = await build('inline', '--role', 'staff', '--company', 'google', '--answers', 'inline', '--worksheets', '0', '--duplex');
    const questions = [...pdf.destinations].filter(([id]) => id.startsWith('q-'));
    expect(questions.length).toBeGreaterThan(20);
    for (const [id, page] of questions) {
      expect(page % 2, id).toBe(1);
      expect(pdf.pages[page - 1], id).not.toContain('Model answer');
      expect(pdf.pages[page], id).toMatch(/Q\d+\. .*Model answer/);
    }
  }, 60_000);
});
