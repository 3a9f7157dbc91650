import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readContent } from '../src/content/read-content.js';
import { buildPack } from '../src/select/pack.js';
import { groupQuestions } from '../src/select/questions.js';
import { resolveSelection } from '../src/select/selection.js';
import type { ContentsEntry } from '../src/select/sections.js';
import { loadTemplate } from '../src/template/load-template.js';
import { runCli } from './helpers/cli.js';
import { readPdf, type PdfFacts } from './helpers/pdf.js';

const dir = mkdtempSync(join(tmpdir(), 'prep-pack-build-'));
const content = await readContent();
const question = (id: string) => content.questions.get(id)!;

async function build(name: string, ...args: string[]): Promise<PdfFacts> {
  const out = join(dir, `${name}.pdf`);
  const run = await runCli(['build', ...args, '--out', out]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/^Wrote .*\.pdf \(\d+ pages, \d+ KB, [\d.]+ s\)\n$/);
  return readPdf(out);
}

describe('a built workbook shows its selection', () => {
  let staffGoogle: PdfFacts;
  let emAmazon: PdfFacts;
  beforeAll(async () => {
    staffGoogle = await build('staff-google', '--role', 'staff', '--company', 'google');
    emAmazon = await build('em-amazon', '--role', 'em', '--company', 'amazon', '--paper', 'a4');
  }, 120_000);

  it('names the selection on the cover', () => {
    expect(staffGoogle.pages[0]).toContain('Staff Engineer · Google');
    expect(emAmazon.pages[0]).toContain('Engineering Manager · Amazon');
  });

  it('holds the company’s own questions and not another company’s', () => {
    expect(staffGoogle.text).toContain(question('decision-without-information').question);
    expect(staffGoogle.text).not.toContain(question('deliver-bad-news').question);
    expect(emAmazon.text).toContain(question('deliver-bad-news').question);
    expect(emAmazon.text).not.toContain(question('decision-without-information').question);
  });

  it('holds role-specific questions only for that role', () => {
    // "How do you handle underperforming team members?" is asked of managers, not Staff engineers.
    expect(emAmazon.text).toContain(question('underperforming-team-members').question);
    expect(staffGoogle.text).not.toContain(question('underperforming-team-members').question);
  });

  it('prints each question’s scaffold and follow-ups', () => {
    const q = question('decision-without-information');
    for (const prompt of q.scaffold) expect(staffGoogle.text).toContain(prompt);
    for (const probe of q.followUps) expect(staffGoogle.text).toContain(probe);
  });

  it('starts every question at the top of a sheet, with its first prompt and lines on the same sheet', async () => {
    const ids = [...staffGoogle.destinations.keys()].filter((id) => id.startsWith('q-'));
    expect(ids.length).toBeGreaterThan(20);
    for (const id of ids) {
      const page = staffGoogle.destinations.get(id)!;
      const q = question(id.slice('q-'.length));
      // Below the running header come at most the group's title and note, then the question.
      const lines = (await staffGoogle.lines(page)).map((cells) => cells.join(' '));
      const headingLine = lines.findIndex((line) => /^Q\d+\. /.test(line) && line.includes(q.question.slice(0, 25)));
      expect(headingLine, id).toBeGreaterThanOrEqual(1);
      expect(headingLine, id).toBeLessThanOrEqual(3);
      expect(staffGoogle.pages[page - 1], id).toContain(q.scaffold[0]!);
    }
  });

  it('frames the pack with the company’s values', () => {
    expect(staffGoogle.text).toContain('What Google assesses');
    expect(emAmazon.text).toContain('What Amazon assesses');
    expect(emAmazon.text).toContain('Customer Obsession');
    expect(staffGoogle.text).not.toContain('Customer Obsession');
  });

  it('has the default eight STAR worksheets, one page each', () => {
    const worksheetPages = staffGoogle.pages.filter((page) => /STAR worksheet \d+/.test(page));
    expect(worksheetPages).toHaveLength(8);
    expect(worksheetPages[7]).toContain('STAR worksheet 8');
    for (const page of worksheetPages) expect(page).toMatch(/Situation.*Task.*Action.*Result.*Metrics.*What I learned.*Competencies this story shows/);
  });

  it('has a story bank, tips for the role, a practice log and the model answers at the back', () => {
    const sections = { 'section-story-bank': 'Story bank', 'section-tips': 'Tips and pitfalls', 'section-practice-log': 'Practice log', 'section-answers': 'Model answers' };
    for (const [id, title] of Object.entries(sections)) {
      const page = staffGoogle.destinations.get(id);
      expect(page, id).toBeDefined();
      expect(staffGoogle.pages[page! - 1]).toContain(title);
    }
    const answersPage = staffGoogle.destinations.get('section-answers')!;
    expect(answersPage).toBeGreaterThan(staffGoogle.destinations.get('section-practice-log')!);
  });

  it('sends each question to the page of its model answer, and that page holds it', () => {
    const q = question('decision-without-information');
    const questionPage = staffGoogle.destinations.get('q-decision-without-information')!;
    const answerPage = staffGoogle.destinations.get('answer-decision-without-information')!;
    expect(staffGoogle.pages[questionPage - 1]).toContain(`Model answer on page ${answerPage}`);
    expect(staffGoogle.pages[answerPage - 1]).toContain(normalizeText(q.examples[0]!.blocks[0]!.kind === 'paragraph' ? q.examples[0]!.blocks[0]!.text : ''));
    expect(staffGoogle.pages[questionPage - 1]).not.toContain('We met our migration deadline');
  });

  it('uses the paper asked for', () => {
    expect(staffGoogle.pageSizes).toEqual([[612, 792]]);
    expect(emAmazon.pageSizes).toEqual([[595, 842]]);
  });

  it('has an outline of every section and every question', () => {
    expect(staffGoogle.outline).toEqual(expect.arrayContaining(['Cover', 'Contents', 'How to use this workbook', 'The Staff Engineer role', 'What Google assesses', 'STAR worksheets', 'Story bank', 'Model answers']));
    const questionItems = staffGoogle.outline.filter((title) => /^Q\d+ /.test(title));
    expect(questionItems).toHaveLength(staffGoogleQuestions().length);
    expect(questionItems[0]).toBe(`Q1 ${question('decision-without-information').question}`);
  });

  it('prints in the contents, for each entry, the page where its heading is printed', async () => {
    const entries = await contentsEntries('staff', 'google');
    const printed: number[] = [];
    for (let page = 1; page <= staffGoogle.pages.length && printed.length < entries.length; page += 1) {
      if (!staffGoogle.pages[page - 1]!.includes('Contents')) continue;
      for (const line of await staffGoogle.lines(page)) {
        // The page number, after the title's dot leaders.
        const words = line.join(' ').replace(/(\s*\.){2,}/g, ' ').trim().split(/\s+/);
        const last = words.at(-1)!;
        if (words.length > 1 && /^\d+$/.test(last) && !/page \d+ of \d+/.test(line.join(' '))) printed.push(Number(last));
      }
    }
    const expected = entries.map((entry) => staffGoogle.destinations.get(entry.id));
    expect(expected.every((page) => page !== undefined)).toBe(true);
    expect(printed).toEqual(expected);
    for (const entry of entries) {
      const page = staffGoogle.pages[staffGoogle.destinations.get(entry.id)! - 1]!;
      expect(page.toLowerCase(), entry.title).toContain(normalizeText(entry.title).toLowerCase().slice(0, 40));
    }
  });

  it('has metadata', () => {
    expect(staffGoogle.info.Title).toBe('Staff Engineer · Google — Behavioral Interview Workbook');
    expect(staffGoogle.info.Creator).toMatch(/^prep-pack \d+\.\d+\.\d+$/);
  });

  it('never prints text over other text', async () => {
    expect(await staffGoogle.overlaps()).toEqual([]);
    expect(await emAmazon.overlaps()).toEqual([]);
  });

  it('numbers every page as page X of Y', () => {
    const total = staffGoogle.pages.length;
    expect(staffGoogle.pages[total - 1]).toContain(`page ${total} of ${total}`);
  });
});

async function contentsEntries(role: string, company: string): Promise<ContentsEntry[]> {
  const pack = buildPack(content, resolveSelection(content, { role, company }), await loadTemplate('workbook'), { paper: 'letter', binding: 'left', date: new Date(0) });
  const section = pack.sections.find((s) => s.type === 'contents');
  return section?.type === 'contents' ? section.entries : [];
}

function staffGoogleQuestions() {
  return groupQuestions(content, resolveSelection(content, { role: 'staff', company: 'google' })).flatMap((group) => group.questions);
}

const normalizeText = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('options', () => {
  it('never prints text over other text, wherever a page runs over onto the next sheet', async () => {
    // Model answers inline make question pages run over, lists breaking across sheets
    // (react-pdf squeezed a nested list that split to nothing: items printed over each other).
    for (const [role, company, paper] of [
      ['em', 'amazon', 'letter'],
      ['staff', 'meta', 'a4'],
      ['tl', 'netflix', 'letter'],
    ]) {
      const inline = await build(`overlap-${role}`, '--role', role!, '--company', company!, '--paper', paper!, '--answers', 'inline', '--worksheets', '1');
      expect(await inline.overlaps(), `${role} ${company} ${paper}`).toEqual([]);
    }
  });

  it('moves a model answer too long for the room left on its question sheet whole onto the next, losing nothing', async () => {
    // A 2,900-character model answer: more than the question's sheet has room for, less than a sheet at the prose measure.
    const pdf = await build('long-paragraph', '--role', 'staff', '--content', 'test/fixtures/content-long', '--answers', 'inline', '--worksheets', '0');
    const page = pdf.destinations.get('q-long-answer')!;
    const fixtureText = readFileSync('test/fixtures/content-long/questions/long-answer.md', 'utf8');
    const paragraph = /## Example answer\s+([\s\S]*?)\s+## Follow-ups/.exec(fixtureText)![1]!;
    expect(paragraph.length).toBeGreaterThan(2500);
    // The next sheet's header names the question it continues (its two texts in either order: a back has them mirrored, see --binding).
    const header = '(?:Staff Engineer Q\\d+ \\(continued\\) · [^…]*…|Q\\d+ \\(continued\\) · [^…]*… Staff Engineer)';
    const footer = '(?:prep-pack · [0-9a-f]+ page \\d+ of \\d+|page \\d+ of \\d+ prep-pack · [0-9a-f]+)';
    // The next sheet holds the model answer whole, then (if it leaves room) the lines for what you would change; the question's sheet none of it.
    const continued = new RegExp(`^${header} (.*?) ${footer}$`).exec(pdf.pages[page]!)?.[1] ?? '';
    expect(continued.replace(/ What you would change in your answer, having read this$/, '')).toBe(`Model answer ${paragraph.replace(/\s+/g, ' ')}`);
    expect(pdf.pages[page - 1]).not.toContain(paragraph.slice(0, 40));
    expect(await pdf.overlaps()).toEqual([]);
  });

  it('--answers inline puts model answers on the question pages; --answers none leaves them out', async () => {
    const inline = await build('inline', '--role', 'tl', '--answers', 'inline', '--worksheets', '1');
    const none = await build('none', '--role', 'tl', '--answers', 'none', '--worksheets', '0');
    const example = 'I led the migration of our monolithic application to microservices.';
    const page = inline.destinations.get('q-lead-technical-initiative')!;
    expect(inline.pages[page - 1]! + inline.pages[page]!).toContain(example);
    expect(inline.destinations.has('section-answers')).toBe(false);
    expect(none.text).not.toContain(example);
    expect(none.text).not.toContain('Model answer on page');
    expect(inline.pages.filter((p) => /STAR worksheet \d/.test(p))).toHaveLength(1);
    expect(none.pages.filter((p) => /STAR worksheet \d/.test(p))).toHaveLength(0);
  }, 120_000);
});

describe('reproducible builds', () => {
  it('gives byte-identical PDFs for the same inputs', async () => {
    const a = join(dir, 'a.pdf');
    const b = join(dir, 'b.pdf');
    expect((await runCli(['build', '--role', 'tl', '--out', a])).code).toBe(0);
    expect((await runCli(['build', '--role', 'tl', '--out', b])).code).toBe(0);
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
  }, 120_000);
});
