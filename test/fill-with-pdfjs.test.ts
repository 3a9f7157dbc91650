import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readContent } from '../src/content/read-content.js';
import { readResponses } from '../src/responses/responses.js';
import { parseStories } from '../src/stories/parse-stories.js';
import { runCli } from './helpers/cli.js';
import { readPdf } from './helpers/pdf.js';
import { mupdfTextLines, readQpdfJson } from './helpers/pdf-form.js';
import { fillWithPdfjs, type PdfjsFilled } from './helpers/pdfjs-fill-form.js';
import { strokes } from './helpers/strokes.js';

/** The issue's text: digits, capitals, a full stop, an accent, a dash and a euro sign. */
const TYPED = 'Due Friday 14 March 2025, 10:00 — Zürich team, 3 options, €40k.';
const QUESTION_LINE = 'q-decision-without-information.the-decision-that-was-due.1';
const WORKSHEET_LINE = 'star-01.situation.1';
const dir = mkdtempSync(join(tmpdir(), 'prep-pack-pdfjs-fill-'));
const blank = join(dir, 'ada-fillable.pdf');
const filled = join(dir, 'ada-filled.pdf');
let placed: PdfjsFilled[] = [];
/** Whitespace as one space: text extraction breaks lines where the PDF wrapped them. */
const flat = (text: string) => text.replace(/\s+/g, ' ');
const pdftotext = (pdf: string, page: number) => execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', pdf, '-']).toString();
const mutoolText = (pdf: string, page: number) => execFileSync('mutool', ['draw', '-F', 'txt', '-o', '-', pdf, String(page)], { stdio: ['ignore', 'pipe', 'ignore'] }).toString();

beforeAll(async () => {
  const run = await runCli(['build', '--role', 'staff', '--company', 'google', '--name', 'Ada Lovelace', '--fillable', '--out', blank]);
  expect(run.code, run.stderr).toBe(0);
  // A question prompt's first line, and a whole STAR worksheet: the title, a line of each part, a competency ticked.
  placed = await fillWithPdfjs(blank, filled, {
    [QUESTION_LINE]: TYPED,
    'star-01.title': 'The Zürich deadline',
    [WORKSHEET_LINE]: TYPED,
    'star-01.task.1': 'Choose one of the 3 options by Friday.',
    'star-01.action.1': 'I priced each option before the call and wrote it up.',
    'star-01.result.1': 'We signed for €40k, a week early.',
    'star-01.competency-decision-making': true,
  });
  placed = placed.filter((field) => field.name === QUESTION_LINE || field.name === WORKSHEET_LINE);
}, 240_000);

describe('a fillable pack filled the way the pdf.js viewer fills it', () => {
  it('saves the typed value with an appearance stream pdf.js drew for it, as an incremental update', () => {
    expect(placed.map((field) => field.name)).toEqual([QUESTION_LINE, WORKSHEET_LINE]);
    // An incremental update: the blank PDF's bytes come first, unchanged.
    const before = readFileSync(blank);
    expect(readFileSync(filled).subarray(0, before.length).equals(before)).toBe(true);
    const blankForm = readQpdfJson(blank);
    const form = readQpdfJson(filled);
    for (const { name } of placed) {
      const field = form.fields.find((candidate) => candidate.fullname === name)!;
      expect(String(field.value), name).toBe(`u:${TYPED}`);
      const appearance = (form.dict(field.object)['/AP'] as { '/N': string })['/N'];
      // pdf.js replaced prep-pack's blank appearance with one of its own, showing the value.
      expect(appearance, name).not.toBe((blankForm.dict(blankForm.fields.find((candidate) => candidate.fullname === name)!.object)['/AP'] as { '/N': string })['/N']);
      expect(form.streamData(appearance), name).toMatch(/\/PrepPackField [\d.]+ Tf[\s\S]*Tj/);
    }
  });

  it('shows the typed text intact in MuPDF and poppler, on the ruled line', () => {
    for (const { name, page } of placed) {
      expect(pdftotext(filled, page), `${name} in poppler`).toContain(TYPED);
      expect(mutoolText(filled, page), `${name} in MuPDF`).toContain(TYPED);
      const line = mupdfTextLines(filled, page).find((candidate) => candidate.text.includes('Due Friday'));
      expect(line, `${name}: typed line found`).toBeDefined();
      const rules = strokes(filled, page).filter((stroke) => stroke.height < 0.1 && stroke.width > 200).map((stroke) => stroke.top);
      const nearest = Math.min(...rules.map((rule) => Math.abs(rule - line!.baseline)));
      expect(nearest, `${name}: baseline ${line!.baseline.toFixed(1)} pt, nearest rule ${nearest.toFixed(2)} pt away`).toBeLessThanOrEqual(2);
    }
  });

  it('comes back through import as Markdown that --stories and --responses accept, and into the mentor edition built --from it', async () => {
    const out = join(dir, 'ada');
    const run = await runCli(['import', filled, '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const responses = await readResponses(`${out}-responses.md`, dir);
    expect(responses.questions).toEqual({ 'decision-without-information': { 'the-decision-that-was-due': TYPED } });
    expect(run.stderr).toBe('');
    // The worksheet is a story in the stories format, which --stories reads as it stands.
    const content = await readContent();
    const { stories, issues } = parseStories('ada-stories.md', readFileSync(`${out}-stories.md`, 'utf8'), new Set(content.competencies.keys()));
    expect(issues).toEqual([]);
    expect(stories).toHaveLength(1);
    expect(stories[0]).toMatchObject({ title: 'The Zürich deadline', situation: TYPED, result: 'We signed for €40k, a week early.', competencies: ['decision-making'] });

    const mentor = join(dir, 'ada-mentor.pdf');
    const built = await runCli(['build', '--from', filled, '--template', 'mentor', '--out', mentor]);
    expect(built.code, built.stderr).toBe(0);
    const pdf = await readPdf(mentor);
    const fingerprint = (page: string) => /fingerprint ([0-9a-f]{10})/.exec(page)![1];
    expect(fingerprint(pdf.pages[0]!)).toBe(fingerprint((await readPdf(blank)).pages[0]!));
    expect(responses.fingerprint).toBe(fingerprint(pdf.pages[0]!));
    const sheet = flat(pdf.pages[pdf.destinations.get('q-decision-without-information')! - 1]!);
    expect(sheet).toContain(TYPED);
    expect(sheet.indexOf(TYPED)).toBeLessThan(sheet.indexOf('Score this answer'));

    // The responses file is what --responses reads, in the workbook too: the answer on its lines.
    const workbook = join(dir, 'ada-workbook.pdf');
    const rebuilt = await runCli(['build', '--role', 'staff', '--company', 'google', '--stories', `${out}-stories.md`, '--responses', `${out}-responses.md`, '--out', workbook]);
    expect(rebuilt.code, rebuilt.stderr).toBe(0);
    const text = flat((await readPdf(workbook)).text);
    expect(text.split(TYPED).length - 1, 'on the question page and on the worksheet').toBeGreaterThanOrEqual(2);
    expect(text).toContain('The Zürich deadline');
  }, 240_000);
});
