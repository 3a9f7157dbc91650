import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readContent } from '../src/content/read-content.js';
import { SCORECARD_CRITERIA } from '../src/content/model.js';
import { runCli } from './helpers/cli.js';
import { readPdf, type PdfFacts } from './helpers/pdf.js';
import { strokes } from './helpers/strokes.js';

/** 4 mm: a box a pen can tick on a clipboard. */
const MIN_BOX = (4 / 25.4) * 72;

const content = await readContent();

async function buildMentorEdition(...args: string[]): Promise<{ path: string; pdf: PdfFacts }> {
  const path = join(mkdtempSync(join(tmpdir(), 'prep-pack-mentor-')), 'mentor.pdf');
  const run = await runCli(['build', ...args, '--template', 'mentor', '--out', path]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return { path, pdf: await readPdf(path) };
}

/** A question's sheets: from the page of its heading to the page before the next one's. */
interface QuestionSheets {
  id: string;
  number: number;
  pages: number[];
}

function sheetsOfQuestions(pdf: PdfFacts): QuestionSheets[] {
  const starts = [...pdf.destinations].filter(([id]) => id.startsWith('q-')).sort(([, a], [, b]) => a - b);
  return starts.map(([id, page], index) => {
    const end = index + 1 < starts.length ? starts[index + 1]![1] - 1 : pdf.pages.length;
    return { id, number: index + 1, pages: Array.from({ length: end - page + 1 }, (_, offset) => page + offset) };
  });
}

/** Sheets whose running header (their first line) does not say "Q7 ·" on the question's first sheet, "Q7 (continued)" on the others. */
async function unnamedSheets(pdf: PdfFacts, questions: QuestionSheets[]): Promise<{ page: number; header: string }[]> {
  const unnamed: { page: number; header: string }[] = [];
  for (const question of questions) {
    for (const [index, page] of question.pages.entries()) {
      const header = (await pdf.lines(page))[0]!.join(' ');
      const expected = index === 0 ? `Q${question.number} ·` : `Q${question.number} (continued)`;
      if (!header.includes(expected)) unnamed.push({ page, header });
    }
  }
  return unnamed;
}

describe('the mentor edition works loose on a clipboard', () => {
  let path: string;
  let pdf: PdfFacts;
  let questionSheets: QuestionSheets[];
  beforeAll(async () => {
    ({ path, pdf } = await buildMentorEdition('--role', 'staff', '--company', 'google'));
    questionSheets = sheetsOfQuestions(pdf);
  }, 120_000);

  it('says MENTOR EDITION on the cover', () => {
    expect(pdf.pages[0]).toContain('MENTOR EDITION');
  });

  it('names on every sheet after the front matter, in its running header, the question it belongs to', async () => {
    expect(questionSheets.length).toBeGreaterThan(20);
    // The front matter (cover, how to run a mock, plan, contents, role, company, rubric) comes before the first question.
    expect(questionSheets[0]!.pages[0]).toBeGreaterThan(pdf.destinations.get('section-scorecards')!);
    expect(questionSheets.at(-1)!.pages.at(-1)).toBe(pdf.pages.length);
    expect(await unnamedSheets(pdf, questionSheets)).toEqual([]);
  });

  it('names the question on a sheet it runs over onto: "Q17 (continued)"', async () => {
    // A 2,900-character model answer runs its question over onto a second sheet.
    const long = await buildMentorEdition('--role', 'staff', '--content', 'test/fixtures/content-long');
    const sheets = sheetsOfQuestions(long.pdf);
    expect(sheets.filter((question) => question.pages.length > 1).length).toBeGreaterThan(0);
    expect(await unnamedSheets(long.pdf, sheets)).toEqual([]);
  }, 60_000);

  it('keeps every scorecard with its question: no sheet holds a scorecard or notes without the question’s number', () => {
    const scored = pdf.pages.filter((page) => page.includes('Score this answer'));
    expect(scored.length).toBe(questionSheets.length);
    // On the sheet of the question itself, heading and all.
    for (const sheet of scored) expect(sheet).toMatch(/Q(\d+)\. .*Score this answer \(Q\1\)/);
    // The notes follow; where they run over onto a sheet of their own, its header names the question.
    const notes = pdf.pages.filter((page) => page.includes('Notes for the candidate'));
    expect(notes.length).toBe(questionSheets.length);
    for (const sheet of notes) expect(sheet).toMatch(/Q\d+\. |Q\d+ \(continued\)/);
  });

  it('never prints text over other text', async () => {
    expect(await pdf.overlaps()).toEqual([]);
  });

  it('keeps the score rows on the question’s sheet where a long question leaves little room (em, amazon, A4)', async () => {
    const em = await buildMentorEdition('--role', 'em', '--company', 'amazon', '--paper', 'a4');
    const scored = em.pdf.pages.filter((page) => page.includes('Score this answer'));
    expect(scored.length).toBe(sheetsOfQuestions(em.pdf).length);
    for (const sheet of scored) expect(sheet).toMatch(/Q(\d+)\. .*Score this answer \(Q\1\)/);
    expect(await unnamedSheets(em.pdf, sheetsOfQuestions(em.pdf))).toEqual([]);
  }, 60_000);

  it('prints the rubric for the role once, as a reference page', () => {
    const staff = content.roles.get('staff')!;
    for (const criterion of SCORECARD_CRITERIA) {
      for (const level of staff.scorecard[criterion]) {
        expect(pdf.text.split(level.replace(/\s+/g, ' ')).length - 1, level).toBe(1);
      }
    }
  });

  it('gives each question a score row of tick boxes at least 4 mm wide, five criteria by four levels', () => {
    for (const question of questionSheets) {
      const boxes = question.pages
        .flatMap((page) => strokes(path, page))
        .filter((stroke) => stroke.closed && stroke.width >= MIN_BOX - 0.01 && stroke.height >= MIN_BOX - 0.01 && stroke.width < 20 && stroke.height < 20);
      expect(boxes.length, question.id).toBe(SCORECARD_CRITERIA.length * 4);
    }
  });

  it('gives the notes at least eight ruled lines', () => {
    for (const question of questionSheets) {
      // Writing lines are hairlines across the content's width; the running header's rule sits in the top margin.
      const lines = question.pages.flatMap((page) => strokes(path, page)).filter((stroke) => stroke.height === 0 && stroke.width > 400 && stroke.top > 54);
      expect(lines.length, question.id).toBeGreaterThanOrEqual(8);
    }
  });
});
