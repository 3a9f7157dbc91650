import { PITCH } from '../src/render/print-system.js';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { readContent } from '../src/content/read-content.js';
import { readResponses } from '../src/responses/responses.js';
import { parseStories } from '../src/stories/parse-stories.js';
import { runCli } from './helpers/cli.js';
import { fillForm } from './helpers/fill-form.js';
import { fixture } from './helpers/fixtures.js';
import { readPdf } from './helpers/pdf.js';
import { drawnSheets } from './helpers/drawn.js';

const TYPED = 'Due Friday 14 March 2025, 10:00 — Zürich team, 3 options, €40k.';
const QUESTION_FIELD = 'q-decision-without-information.what-you-knew-for-certain';
const dir = mkdtempSync(join(tmpdir(), 'prep-pack-import-'));
const fillable = join(dir, 'ada-fillable.pdf');
const filled = join(dir, 'ada-filled.pdf');
/** Whitespace as one space: text extraction breaks lines where the PDF wrapped them. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

beforeAll(async () => {
  // Two stories of her own fill worksheets 1 and 2; worksheet 3 is left to fill on screen.
  const built = await runCli(['build', '--role', 'staff', '--company', 'google', '--name', 'Ada Lovelace', '--stories', fixture('packs/ada-stories.md'), '--worksheets', '3', '--fillable', '--out', fillable]);
  expect(built.code).toBe(0);
  const log = fillForm(
    fillable,
    {
      [QUESTION_FIELD]: TYPED,
      'q-decision-without-information.who-you-consulted-and-what': 'Legal, on the second line\nand the Zürich team',
      // A story of her own, corrected on its worksheet: the correction is that story, not a new one.
      'star-01.title': 'Moving payments to the new ledger (corrected)',
      'star-03.title': 'The Zürich deadline',
      'star-03.situation': TYPED,
      'star-03.task': 'Choose one of the 3 options by Friday.',
      'star-03.action': 'I priced each option *before* the call <and> wrote it up.',
      'star-03.result': 'We signed for €40k, a week early.',
      'star-03.competency-decision-making': true,
      'star-03.competency-delivery': true,
      'star-03.questions': 'Q1, Q6',
    },
    filled,
  );
  expect(log.split('\n').filter(Boolean)).toHaveLength(11);
}, 180_000);

describe('import: what was typed comes back', () => {
  const out = join(dir, 'ada');

  it('writes the worksheets as a stories file that --stories reads as it stands, and the rest as a responses file that validates', async () => {
    const run = await runCli(['import', filled, '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('ada-stories.md (3 stories, 2 of them from the pack itself)');
    expect(run.stdout).toContain('ada-responses.md (2 answers to 1 question, 1 other area)');

    const content = await readContent();
    const { stories, issues } = parseStories('ada-stories.md', readFileSync(`${out}-stories.md`, 'utf8'), new Set(content.competencies.keys()));
    expect(issues).toEqual([]);
    expect(stories.map((story) => story.title)).toEqual(['Moving payments to the new ledger (corrected)', 'Coaching a struggling engineer', 'The Zürich deadline']);
    expect(stories[2]).toMatchObject({
      situation: TYPED,
      action: 'I priced each option *before* the call <and> wrote it up.',
      result: 'We signed for €40k, a week early.',
      competencies: ['decision-making', 'delivery'],
    });

    const responses = await readResponses(`${out}-responses.md`, dir);
    expect(responses.fingerprint).toBe(JSON.parse((await runCli(['info', filled, '--json'])).stdout).fingerprint);
    expect(responses.questions).toEqual({
      'decision-without-information': { 'what-you-knew-for-certain': TYPED, 'who-you-consulted-and-what': 'Legal, on the second line\nand the Zürich team' },
    });
    expect(responses.areas).toEqual({ 'star-03.questions': 'Q1, Q6' });
    // Empty fields are left out: 200-odd fields, 2 question prompts filled.
    expect(Object.keys(responses.questions!['decision-without-information']!)).toHaveLength(2);

    // The stories file builds as it stands.
    const rebuilt = join(dir, 'with-stories.pdf');
    expect((await runCli(['build', '--role', 'staff', '--company', 'google', '--stories', `${out}-stories.md`, '--worksheets', '3', '--out', rebuilt])).code).toBe(0);
    expect(flat((await readPdf(rebuilt)).text)).toContain(TYPED);
  }, 180_000);

  it('never writes over a file: a second import into the same names is refused, and the files are untouched', async () => {
    const before = readFileSync(`${out}-stories.md`);
    const again = await runCli(['import', filled, '--out', out]);
    expect(again.code).toBe(3);
    expect(again.stderr).toContain('already exists');
    expect(readFileSync(`${out}-stories.md`).equals(before)).toBe(true);
  });

  it('refuses a PDF prep-pack did not make', async () => {
    const other = join(dir, 'other.pdf');
    execFileSync('qpdf', ['--empty', other]);
    const run = await runCli(['import', other, '--out', join(dir, 'other')]);
    expect(run.code).toBe(4);
    expect(run.stderr).toContain('was not made by prep-pack');
  });

  it('reads a field drawn one field per line (kids .1, .2) as its lines, and reports fields it does not know, keeping them', async () => {
    // A PDF made like prep-pack's, with a prompt's field split into one field per ruled line and a field of another version.
    const recipe = execFileSync('qpdf', ['--show-attachment=prep-pack-recipe.json', fillable]);
    const doc = new PDFDocument({ autoFirstPage: true });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const ended = new Promise((resolve) => doc.on('end', resolve));
    doc.initForm();
    const question = doc.formField('q-decision-without-information');
    const prompt = doc.formField('what-you-knew-for-certain', { parent: question });
    doc.formText('1', 50, 50, 300, 20, { parent: prompt, value: 'First line of it' });
    doc.formText('2', 50, 75, 300, 20, { parent: prompt, value: TYPED });
    doc.formText('3', 50, 100, 300, 20, { parent: prompt, value: '' });
    doc.formText('x-field-of-another-version', 50, 125, 300, 20, { value: 'kept, not dropped' });
    doc.file(recipe, { name: 'prep-pack-recipe.json', type: 'application/json' });
    doc.end();
    await ended;
    const lines = join(dir, 'lines.pdf');
    writeFileSync(lines, Buffer.concat(chunks));

    const run = await runCli(['import', lines, '--out', join(dir, 'lines')]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('1 filled field is not known to this version of prep-pack');
    expect(run.stderr).toContain('x-field-of-another-version');
    const responses = await readResponses(join(dir, 'lines-responses.md'), dir);
    expect(responses.questions).toEqual({ 'decision-without-information': { 'what-you-knew-for-certain': `First line of it\n${TYPED}` } });
    expect(responses.unknown).toEqual({ 'x-field-of-another-version': 'kept, not dropped' });
  });
});

describe("the mentor's edition with the mentee's words", () => {
  it('build --from the filled PDF --template mentor prints what she typed beside the scorecard, and her stories that fit, under the same fingerprint', async () => {
    const mentor = join(dir, 'ada-mentor.pdf');
    const run = await runCli(['build', '--from', filled, '--template', 'mentor', '--out', mentor]);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('content changed');
    const pdf = await readPdf(mentor);
    const fingerprint = (page: string) => /fingerprint ([0-9a-f]{10})/.exec(page)![1];
    expect(fingerprint(pdf.pages[0]!)).toBe(fingerprint((await readPdf(fillable)).pages[0]!));
    const sheet = flat(pdf.pages[pdf.destinations.get('q-decision-without-information')! - 1]!);
    expect(sheet).toContain(`What Ada Lovelace wrote What you knew for certain, and what was missing ${TYPED}`);
    expect(sheet).toContain('Legal, on the second line and the Zürich team');
    // The worksheet she typed shows decision-making: it fits this question, by its title.
    expect(sheet).toContain("Stories of Ada Lovelace's that fit • The Zürich deadline");
    expect(sheet.indexOf(TYPED)).toBeLessThan(sheet.indexOf('Score this answer'));
  }, 180_000);

  it('--responses FILE does the same from the responses file, which is validated at its lines', async () => {
    const mentor = join(dir, 'from-responses.pdf');
    const run = await runCli(['build', '--role', 'staff', '--company', 'google', '--template', 'mentor', '--responses', join(dir, 'ada-responses.md'), '--out', mentor]);
    expect(run.code).toBe(0);
    expect(flat((await readPdf(mentor)).text)).toContain(TYPED);

    // A character the font cannot draw is named, as it is in content, rather than printed as a box unsaid.
    const cjk = join(dir, 'cjk-responses.md');
    writeFileSync(cjk, readFileSync(join(dir, 'ada-responses.md'), 'utf8').replace('€40k.', '€40k, 漢.'));
    const warned = await runCli(['build', '--role', 'staff', '--company', 'google', '--template', 'mentor', '--responses', cjk, '--out', join(dir, 'cjk.pdf')]);
    expect(warned.code).toBe(0);
    expect(warned.stderr).toContain("warning: the candidate's typed answers (--responses, --from): '漢' (U+6F22) is not in the font");

    const bad = join(dir, 'bad-responses.md');
    writeFileSync(bad, readFileSync(join(dir, 'ada-responses.md'), 'utf8').replace('questions:', 'questons:'));
    const refused = await runCli(['build', '--role', 'staff', '--company', 'google', '--template', 'mentor', '--responses', bad, '--out', join(dir, 'bad.pdf')]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/bad-responses\.md:\d+:\d+  questons  is not a known field/);
    // With a template that has neither question pages nor scorecards it would do nothing: refused, not ignored.
    const worksheets = await runCli(['build', '--role', 'staff', '--template', 'worksheets', '--responses', join(dir, 'ada-responses.md'), '--out', join(dir, 'w.pdf')]);
    expect(worksheets.code).toBe(2);
    expect(worksheets.stderr).toContain('--responses');
  }, 180_000);
});

describe('a workbook rebuilt with --responses', () => {
  it('prints the typed answers on its ruled lines, each typed line on a rule of its own', async () => {
    const workbook = join(dir, 'printed-with-answers.pdf');
    const run = await runCli(['build', '--role', 'staff', '--company', 'google', '--responses', join(dir, 'ada-responses.md'), '--out', workbook]);
    expect(run.code).toBe(0);
    const page = (await readPdf(workbook)).destinations.get('q-decision-without-information')!;
    const sheet = drawnSheets(workbook).find((drawn) => drawn.number === page)!;
    const rules = sheet.segments.filter((segment) => segment.y0 === segment.y1 && segment.x1 - segment.x0 > 300).map((segment) => segment.y0);
    const baselineOf = (start: string) => sheet.texts.find((text) => text.text.startsWith(start))!.y;
    const ruleUnder = (y: number) => Math.min(...rules.filter((rule) => rule > y)) - y;
    const typedLines = ['Due Friday 14 March 2025', 'Legal, on the second line', 'and the Zürich team'];
    for (const line of typedLines) {
      // On the line: the baseline just above a rule, its descenders (3 pt at 10 pt) clear of it, not struck through.
      expect(ruleUnder(baselineOf(line)), line).toBeGreaterThan(3);
      expect(ruleUnder(baselineOf(line)), line).toBeLessThan(6);
    }
    // Two typed lines, two rules: one rule pitch apart.
    expect(baselineOf('and the Zürich team') - baselineOf('Legal, on the second line')).toBeCloseTo(PITCH, 1);

    // Its recipe keeps the answers it printed: built again from it, the same bytes; imported, the same answers.
    const again = join(dir, 'printed-again.pdf');
    expect((await runCli(['build', '--from', workbook, '--out', again])).code).toBe(0);
    expect(readFileSync(again).equals(readFileSync(workbook))).toBe(true);
    expect((await runCli(['import', workbook, '--out', join(dir, 'printed')])).code).toBe(0);
    expect((await readResponses(join(dir, 'printed-responses.md'), dir)).questions).toEqual((await readResponses(join(dir, 'ada-responses.md'), dir)).questions);
  }, 180_000);
});

describe('sorting typed fields (sortTypedFields)', () => {
  it('keeps an unfinished worksheet field by field, names unknown fields once, and leaves empty ones out', async () => {
    const { sortTypedFields } = await import('../src/import/typed-fields.js');
    const recipe = JSON.parse((await runCli(['info', fillable, '--json'])).stdout);
    const text = (value: string) => ({ kind: 'text' as const, text: value });
    const fields = new Map<string, { kind: 'text'; text: string } | { kind: 'checkbox'; ticked: boolean }>([
      ['star-03.situation', text('Only the situation, so far')],
      ['star-03.competency-delivery', { kind: 'checkbox', ticked: true }],
      ['star-03.competency-leadership', { kind: 'checkbox', ticked: false }],
      ['star-03.colour', text('from another version')],
      ['star-04.mood', text('a worksheet field of another version')],
      ['q-decision-without-information.the-decision-that-was-due', text('   ')],
      ['q-no-such-question.prompt', text('an old question')],
      ['practice-log.row-01', text('Mock with Grace, 40 min')],
    ]);
    const typed = sortTypedFields({ shownAs: 'x.pdf', recipe, fields }, await readContent());
    expect(typed.stories.map((story) => story.title)).toEqual(['Moving payments to the new ledger', 'Coaching a struggling engineer']);
    expect(typed.unfinished).toEqual([{ number: 3, missing: ['Task', 'Action', 'Result'] }]);
    expect(typed.responses.areas).toEqual({ 'star-03.situation': 'Only the situation, so far', 'star-03.competency-delivery': 'ticked', 'practice-log.row-01': 'Mock with Grace, 40 min' });
    expect(typed.unknown).toEqual(['star-03.colour', 'star-04.mood', 'q-no-such-question.prompt']);
    expect(typed.responses.questions).toBeUndefined();
    expect(typed.filled).toBe(6);
  });
});
