import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPdf } from './helpers/build-pdf.js';
import { outlineOf, type OutlineItem } from './helpers/outline.js';
import type { PdfFacts } from './helpers/pdf.js';

/**
 * The outline has no holes (issue 15): in every shipped template every question's item is
 * nested under its group (and, in the mentor edition, the groups under their section), in
 * page order, and there is an item for every question the PDF has a heading for.
 */

const dir = mkdtempSync(join(tmpdir(), 'prep-pack-outline-'));

async function build(template: string): Promise<{ pdf: PdfFacts; outline: OutlineItem[] }> {
  const out = join(dir, `${template}.pdf`);
  const pdf = await buildPdf(out, ['--role', 'staff', '--company', 'google', '--template', template]);
  return { pdf, outline: await outlineOf(out) };
}

const isQuestion = (item: OutlineItem) => /^Q\d+ /.test(item.title);
/** The questions with a heading (a named destination `q-…`) in the PDF: each needs its outline item. */
const questionHeadings = (pdf: PdfFacts) => [...pdf.destinations.keys()].filter((name) => name.startsWith('q-')).length;

function expectPageOrder(outline: OutlineItem[]): void {
  const pages = outline.map((item) => item.page);
  expect(pages.every((page) => page > 0)).toBe(true);
  expect(pages).toEqual([...pages].sort((a, b) => a - b));
}

describe('the outline of each shipped template', () => {
  it('workbook: every question under its group, Q1 to the last, in page order', async () => {
    const { pdf, outline } = await build('workbook');
    const questions = outline.filter(isQuestion);
    expect(questions.map((item) => item.title.split(' ')[0])).toEqual(Array.from({ length: questionHeadings(pdf) }, (_, index) => `Q${index + 1}`));
    expect(questions.every((item) => item.depth === 2)).toBe(true);
    // Each parent is a group: a top-level item on the page of its first question.
    const groups = outline.filter((item) => item.depth === 1 && questions.some((question) => question.parent === item.title));
    for (const group of groups) expect(group.page).toBe(questions.find((question) => question.parent === group.title)!.page);
    expect(Math.max(...outline.map((item) => item.depth))).toBe(2);
    expectPageOrder(outline);
  });

  it('mentor: every question under its group, every group under the scorecards section', async () => {
    const { pdf, outline } = await build('mentor');
    const questions = outline.filter(isQuestion);
    expect(questions.length).toBe(questionHeadings(pdf));
    expect(questions.length).toBeGreaterThan(1);
    expect(questions.every((item) => item.depth === 3)).toBe(true);
    const groups = outline.filter((item) => item.depth === 2);
    // One section holds them all: the scorecards', opening before its first group.
    const sections = new Set(groups.map((group) => group.parent));
    expect(sections.size).toBe(1);
    expect(outline.find((item) => item.title === [...sections][0])!.page).toBeLessThan(groups[0]!.page);
    expect(new Set(questions.map((question) => question.parent))).toEqual(new Set(groups.map((group) => group.title)));
    expect(Math.max(...outline.map((item) => item.depth))).toBe(3);
    expectPageOrder(outline);
  });

  for (const template of ['worksheets', 'cheatsheet']) {
    it(`${template}: no question pages, so one level, in page order`, async () => {
      const { pdf, outline } = await build(template);
      expect(questionHeadings(pdf)).toBe(0);
      expect(outline.length).toBeGreaterThan(0);
      expect(outline.every((item) => item.depth === 1)).toBe(true);
      expectPageOrder(outline);
    });
  }
});
