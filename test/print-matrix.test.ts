import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { looks, rule } from '../src/render/theme.js';
import { NOTES_TITLE } from '../src/render/NotesPage.js';
import { bindingClearance, drawnPages, PUNCH_CLEARANCE, type DrawnPage } from './helpers/binding.js';
import { runCli } from './helpers/cli.js';
import { drawnSheets, type DrawnSheet } from './helpers/drawn.js';
import { filledShare, mm, runningHeaderOf, strandedHeadings, strokeClearance, textBlockOf, textInBlock, unusedAtFoot, type TextBlock } from './helpers/page-measures.js';
import { strokes } from './helpers/strokes.js';

/**
 * The pagination rules, measured from the drawn PDFs (mutool trace, pdf.js) of the shipped
 * templates on both papers, answers inline and at the back, with and without stories, some
 * duplex: what a person holding the printed pages would find, never prep-pack's own idea
 * of where things went.
 */

/** The most a question page may leave unused above its footer. */
const MOST_UNUSED_AT_FOOT = mm(15);
/**
 * A near-empty sheet: one whose content fills less than this share of its text block's
 * depth. The cover and the Notes fillers of --duplex are pages of their own kind.
 */
const NEAR_EMPTY = 0.15;

const stories = ['--stories', 'test/fixtures/packs/ada-stories.md'];

interface Case {
  name: string;
  template: 'workbook' | 'mentor' | 'worksheets' | 'cheatsheet';
  args: string[];
}

const cases: Case[] = [
  { name: 'workbook, letter, answers inline, stories', template: 'workbook', args: ['--role', 'staff', '--company', 'google', '--paper', 'letter', '--answers', 'inline', ...stories] },
  { name: 'workbook, A4, answers inline, duplex', template: 'workbook', args: ['--role', 'em', '--company', 'amazon', '--industry', 'fintech', '--paper', 'a4', '--answers', 'inline', '--duplex'] },
  { name: 'workbook, A4, answers at the back, stories', template: 'workbook', args: ['--role', 'staff', '--company', 'google', '--paper', 'a4', ...stories] },
  { name: 'workbook, letter, answers at the back, duplex, stories', template: 'workbook', args: ['--role', 'tl', '--company', 'meta', '--paper', 'letter', '--duplex', ...stories] },
  { name: 'mentor, A4', template: 'mentor', args: ['--role', 'em', '--company', 'amazon', '--paper', 'a4', '--template', 'mentor'] },
  { name: 'mentor, letter, duplex', template: 'mentor', args: ['--role', 'staff', '--company', 'google', '--paper', 'letter', '--template', 'mentor', '--duplex'] },
  { name: 'worksheets, letter, stories', template: 'worksheets', args: ['--role', 'staff', '--paper', 'letter', '--template', 'worksheets', ...stories] },
  { name: 'worksheets, A4, duplex', template: 'worksheets', args: ['--role', 'tl', '--paper', 'a4', '--template', 'worksheets', '--duplex'] },
  { name: 'cheatsheet, A4', template: 'cheatsheet', args: ['--role', 'staff', '--company', 'google', '--paper', 'a4', '--template', 'cheatsheet'] },
  { name: 'cheatsheet, letter', template: 'cheatsheet', args: ['--role', 'em', '--company', 'amazon', '--paper', 'letter', '--template', 'cheatsheet'] },
];

const dir = mkdtempSync(join(tmpdir(), 'prep-pack-matrix-'));
const blockOf = (sheet: DrawnSheet): TextBlock => textBlockOf(sheet, 'left');

/** A sheet's first line of text in its text block. */
const firstText = (sheet: DrawnSheet) => textInBlock(sheet, blockOf(sheet)).sort((a, b) => a.y - b.y || a.x - b.x)[0];
const isNotesFiller = (sheet: DrawnSheet) => firstText(sheet)?.text === NOTES_TITLE && firstText(sheet)!.size >= looks.h1.size - 0.01;
/** A sheet that starts something new (a section, a STAR worksheet): its first text is a heading of the size of an h2 or larger. */
const opensSection = (sheet: DrawnSheet) => /Bold/.test(firstText(sheet)?.font ?? '') && (firstText(sheet)?.size ?? 0) >= looks.h2.size - 0.01;
/** A question's own heading ("Q12. …", larger than a subheading): the sheet a question starts on. */
const questionHeadingOn = (sheet: DrawnSheet) =>
  textInBlock(sheet, blockOf(sheet))
    .filter((text) => /Bold/.test(text.font) && text.size > looks.h3.size + 0.01)
    .map((text) => /^Q(\d+)\. /.exec(text.text)?.[1])
    .find((number) => number !== undefined);
const holdsWritingLinesOfAQuestion = (sheet: DrawnSheet) => sheet.texts.some((text) => text.text.startsWith('Follow-ups to rehearse'));

interface Built {
  pdf: string;
  sheets: DrawnSheet[];
  pages: DrawnPage[];
}

/** Each case built once, for every group of checks that reads it. */
const builds = new Map<Case, Promise<Built>>();
function built(buildCase: Case): Promise<Built> {
  let done = builds.get(buildCase);
  if (!done) builds.set(buildCase, (done = buildAndRead(buildCase)));
  return done;
}

async function buildAndRead({ args }: Case): Promise<Built> {
  const pdf = join(dir, `${args.join('-').replace(/[^a-z0-9-]/gi, '')}.pdf`);
  const run = await runCli(['build', ...args, '--out', pdf]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return { pdf, sheets: drawnSheets(pdf), pages: await drawnPages(pdf) };
}

/** Reads a case's build before its checks run. */
function useBuild(buildCase: Case): Built {
  const view = {} as Built;
  beforeAll(async () => void Object.assign(view, await built(buildCase)), 60_000);
  return view;
}

describe.each(cases)('$name', (buildCase) => {
  const { template } = buildCase;
  const drawn = useBuild(buildCase);

  it('prints nothing within 19 mm of the binding edge: the left of odd pages, the right of even ones', () => {
    const tooClose = drawn.pages.flatMap((page, index) => {
      const clearance = Math.min(bindingClearance(page, page.texts), bindingClearance(page, page.annotations), strokeClearance(drawn.sheets[index]!));
      return clearance < PUNCH_CLEARANCE ? [{ page: page.number, mm: Math.round((clearance / mm(1)) * 10) / 10 }] : [];
    });
    expect(drawn.pages.length).toBe(drawn.sheets.length);
    expect(tooClose).toEqual([]);
  });

  it('has no near-empty sheet', () => {
    const exempt = (sheet: DrawnSheet) => isNotesFiller(sheet) || (sheet.number === 1 && (template === 'workbook' || template === 'mentor'));
    const nearEmpty = drawn.sheets
      .filter((sheet) => !exempt(sheet))
      .map((sheet) => ({ page: sheet.number, filled: Math.round(filledShare(sheet, blockOf(sheet)) * 100) }))
      .filter((sheet) => sheet.filled < NEAR_EMPTY * 100);
    expect(nearEmpty).toEqual([]);
  });

  it('leaves no heading at the foot of a sheet without three lines of what follows it', () => {
    expect(strandedHeadings(drawn.sheets, blockOf, 3)).toEqual([]);
  });

  it('rules every writing area evenly: one pitch within each ruled block, grown lines included', () => {
    const uneven: { page: number; pitches: number[] }[] = [];
    for (const sheet of drawn.sheets) {
      const block = blockOf(sheet);
      const width = block.right - block.left;
      // Writing lines: horizontal strokes across most of the text block or of a box in it, grouped by where they start and end.
      const rules = sheet.segments.filter((s) => s.width === rule.thickness && Math.abs(s.y0 - s.y1) < 0.01 && Math.abs(s.x1 - s.x0) > width * 0.3 && s.y0 > block.top && s.y0 < block.bottom + 1);
      const byExtent = new Map<string, number[]>();
      for (const rule of rules) {
        const key = `${Math.round(Math.min(rule.x0, rule.x1))}-${Math.round(Math.max(rule.x0, rule.x1))}`;
        byExtent.set(key, [...(byExtent.get(key) ?? []), rule.y0]);
      }
      for (const ys of byExtent.values()) {
        const sorted = [...new Set(ys.map((y) => Math.round(y * 100) / 100))].sort((a, b) => a - b);
        // Runs of lines closer than two lines of text apart are one ruled block.
        const gaps = sorted.slice(1).map((y, index) => y - sorted[index]!).filter((gap) => gap < 2 * looks.paragraph.size * looks.paragraph.leading);
        const pitches = [...new Set(gaps.map((gap) => Math.round(gap * 10) / 10))];
        if (pitches.length > 1 && Math.max(...pitches) - Math.min(...pitches) > 0.2) uneven.push({ page: sheet.number, pitches });
      }
    }
    expect(uneven).toEqual([]);
  });
});

describe.each(cases.filter((buildCase) => buildCase.template === 'workbook'))('$name: question pages', (buildCase) => {
  const drawn = useBuild(buildCase);

  it('fills every question page, and every sheet a question runs over onto, to within 15 mm of its foot', () => {
    const runsOver = (sheet: DrawnSheet) => /Q\d+ \(continued\)/.test(runningHeaderOf(sheet, blockOf(sheet)));
    const questionPages = drawn.sheets.filter((sheet) => holdsWritingLinesOfAQuestion(sheet) || runsOver(sheet));
    expect(questionPages.length).toBeGreaterThan(10);
    if (buildCase.args.includes('inline')) expect(questionPages.filter(runsOver).length).toBeGreaterThan(0);
    const loose = questionPages
      .map((sheet) => ({ page: sheet.number, mm: Math.round(unusedAtFoot(sheet, blockOf(sheet)) / mm(1)) }))
      .filter((sheet) => sheet.mm > MOST_UNUSED_AT_FOOT / mm(1));
    expect(loose).toEqual([]);
  });
});

describe.each(cases.filter((buildCase) => buildCase.template === 'workbook' || buildCase.template === 'mentor'))('$name: running headers', (buildCase) => {
  const { args } = buildCase;
  const drawn = useBuild(buildCase);

  it('names its question in the running header of every sheet a question runs over onto', () => {
    let question: string | undefined;
    const unlabelled: { page: number; header: string; question: string }[] = [];
    let continued = 0;
    for (const sheet of drawn.sheets) {
      const own = questionHeadingOn(sheet);
      if (own) question = own;
      else if (opensSection(sheet)) question = undefined;
      else if (question) {
        const header = runningHeaderOf(sheet, blockOf(sheet));
        continued += 1;
        if (!header.includes(`Q${question} (continued)`)) unlabelled.push({ page: sheet.number, header, question });
      }
    }
    expect(unlabelled).toEqual([]);
    // With answers inline, questions run over onto their model answers (or have them on the back).
    if (args.includes('inline')) expect(continued).toBeGreaterThan(0);
  });
});

describe.each(cases.filter((buildCase) => buildCase.template === 'mentor'))('$name: scorecards', (buildCase) => {
  const drawn = useBuild(buildCase);

  it('labels every scorecard sheet with its question, and keeps its score boxes whole and of one size', () => {
    const firstQuestion = drawn.sheets.findIndex((sheet) => questionHeadingOn(sheet));
    expect(firstQuestion).toBeGreaterThan(0);
    const scorecards = drawn.sheets.slice(firstQuestion).filter((sheet) => !isNotesFiller(sheet));
    expect(scorecards.filter((sheet) => !/Q\d+ /.test(runningHeaderOf(sheet, blockOf(sheet)))).map((sheet) => sheet.number)).toEqual([]);
    const questions = new Set(scorecards.map(questionHeadingOn).filter(Boolean)).size;
    const boxes = scorecards.flatMap((sheet) => strokes(drawn.pdf, sheet.number).filter((stroke) => stroke.closed && Math.abs(stroke.width - stroke.height) < 0.01 && stroke.width > 5).map((box) => ({ page: sheet.number, ...box })));
    // Five criteria by four levels for each question, every one on its sheet's text block.
    expect(boxes.length).toBe(questions * 20);
    expect(new Set(boxes.map((box) => box.width.toFixed(2))).size).toBe(1);
    const cut = boxes.filter((box) => box.top < blockOf(drawn.sheets[box.page - 1]!).top || box.top + box.height > blockOf(drawn.sheets[box.page - 1]!).bottom);
    expect(cut).toEqual([]);
  });
});

describe.each(cases.filter((buildCase) => buildCase.template === 'workbook' || buildCase.template === 'mentor'))('$name: contents', (buildCase) => {
  const drawn = useBuild(buildCase);

  /** The contents' sheets, each as its lines of text (spans on one baseline joined), top to bottom, below the title. */
  function contentsSheets(): { page: number; title: string; lines: { text: string; bold: boolean }[] }[] {
    const start = drawn.sheets.findIndex((sheet) => firstText(sheet)?.text === 'Contents');
    expect(start).toBeGreaterThan(0);
    const sheets = [drawn.sheets[start]!];
    for (const sheet of drawn.sheets.slice(start + 1)) {
      if (firstText(sheet)?.text !== 'Contents (continued)') break;
      sheets.push(sheet);
    }
    return sheets.map((sheet) => {
      const [title, ...texts] = textInBlock(sheet, blockOf(sheet)).sort((a, b) => a.y - b.y || a.x - b.x);
      const rows = new Map<number, typeof texts>();
      for (const text of texts) {
        const key = [...rows.keys()].find((y) => Math.abs(y - text.y) < 1) ?? text.y;
        rows.set(key, [...(rows.get(key) ?? []), text]);
      }
      const lines = [...rows.values()].map((row) => ({ text: row.map((text) => text.text).join(''), bold: /Bold/.test(row[0]!.font) }));
      return { page: sheet.number, title: title!.text, lines };
    });
  }

  it('prints dot leaders from every entry to its page number', () => {
    const entries = contentsSheets().flatMap((sheet) => sheet.lines);
    expect(entries.length).toBeGreaterThan(3);
    // An entry of two lines has its leaders and number on the second.
    const withoutLeaders = entries.filter((line, index) => !/\.{4,}\s*\d+$/.test(line.text.replace(/ /g, '')) && !/\.{4,}\s*\d+$/.test(entries[index + 1]?.text.replace(/ /g, '') ?? ''));
    expect(withoutLeaders).toEqual([]);
  });

  it('titles every sheet it runs over onto "Contents (continued)", and starts each with a group, not in the middle of one', () => {
    const sheets = contentsSheets();
    expect(sheets[0]!.title).toBe('Contents');
    for (const sheet of sheets.slice(1)) {
      expect(sheet.title).toBe('Contents (continued)');
      // A group's entry is bold; its questions' are not: a continued sheet starts with a bold one.
      expect(sheet.lines[0]!.bold, `page ${sheet.page}: ${sheet.lines[0]!.text}`).toBe(true);
    }
    // The workbooks' contents run over onto a second sheet: what this checks is there to check.
    if (buildCase.template === 'workbook') expect(sheets.length).toBeGreaterThan(1);
  });
});
