import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContent } from '../src/content/read-content.js';
import { groupQuestions } from '../src/select/questions.js';
import { resolveSelection } from '../src/select/selection.js';
import { runCli } from './helpers/cli.js';
import { readPdf } from './helpers/pdf.js';

describe('--fillable', () => {
  it('lays named form fields over every writing area of the questions and blank worksheets', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'prep-pack-fillable-')), 'fillable.pdf');
    expect((await runCli(['build', '--role', 'staff', '--company', 'google', '--fillable', '--worksheets', '3', '--out', out])).code).toBe(0);
    const { form } = await readPdf(out);

    const content = await readContent();
    const questions = groupQuestions(content, resolveSelection(content, { role: 'staff', company: 'google' })).flatMap((group) => group.questions);
    // A writing area is a parent field; its ruled lines are its kids, numbered from 1 (src/forms/field-names.ts).
    const areaOf = (name: string) => name.replace(/\.\d+$/, '');
    const promptLines = form.filter((name) => /^q-[a-z0-9-]+\.[a-z0-9-]+\.\d+$/.test(name));
    expect(new Set(promptLines.map(areaOf)).size).toBe(questions.reduce((sum, q) => sum + q.scaffold.length, 0));
    expect(form).toEqual(expect.arrayContaining(['q-decision-without-information.what-you-knew-for-certain.1', 'q-decision-without-information.what-you-knew-for-certain.2']));
    // Each area's lines are numbered 1…n without a gap.
    for (const area of new Set(promptLines.map(areaOf))) {
      const numbers = promptLines.filter((name) => areaOf(name) === area).map((name) => Number(name.slice(area.length + 1)));
      expect(numbers.sort((a, b) => a - b)).toEqual(numbers.map((_, index) => index + 1));
    }

    const worksheetFields = (n: string) => form.filter((name) => name.startsWith(`star-${n}.`));
    const perWorksheet = ['title', 'situation.1', 'task.1', 'action.1', 'result.1', 'metrics.1', 'learned.1', 'questions.1'].map((field) => `star-03.${field}`);
    expect(worksheetFields('03')).toEqual(expect.arrayContaining(perWorksheet));
    expect(new Set(worksheetFields('03').map(areaOf)).size).toBe(perWorksheet.length + content.competencies.size);
    expect(worksheetFields('03')).toContain('star-03.competency-decision-making');
    expect(worksheetFields('04')).toHaveLength(0);
  }, 120_000);

  it('makes every other writing area fillable: practice log, story bank, the company\'s story lines, and the mentor\'s scores and notes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prep-pack-fillable-'));
    const workbook = join(dir, 'workbook.pdf');
    expect((await runCli(['build', '--role', 'staff', '--company', 'google', '--fillable', '--out', workbook])).code).toBe(0);
    const { form } = await readPdf(workbook);
    // The practice log's rows: at least the template's 24 (more down to the sheet's foot: practice-log.test.ts), five fields a row.
    const logFields = form.filter((name) => /^practice-log\.run-\d\d\.(date|question|minutes|score|change)$/.test(name));
    expect(logFields.length).toBeGreaterThanOrEqual(24 * 5);
    expect(logFields.length % 5).toBe(0);
    // The story bank's rows: at least the template's 20, more where its sheet has room (ruled to the foot), one field a row, numbered on.
    const bankRows = form.filter((name) => /^story-bank\.story-\d\d$/.test(name));
    expect(bankRows.length).toBeGreaterThanOrEqual(20);
    expect(bankRows).toEqual(bankRows.map((_, index) => `story-bank.story-${String(index + 1).padStart(2, '0')}`));
    const content = await readContent();
    const google = content.companies.get('google')!;
    expect(form.filter((name) => name.startsWith('company-google.'))).toEqual(google.values.map((value) => `company-google.${value.id}`));

    const mentor = join(dir, 'mentor.pdf');
    expect((await runCli(['build', '--role', 'staff', '--company', 'google', '--template', 'mentor', '--fillable', '--out', mentor])).code).toBe(0);
    const mentorForm = (await readPdf(mentor)).form;
    const questions = groupQuestions(content, resolveSelection(content, { role: 'staff', company: 'google' })).flatMap((group) => group.questions);
    for (const question of questions) {
      // One radio group per criterion (its value the level ticked), and at least eight lines of notes (down to the sheet's foot).
      expect(mentorForm).toEqual(expect.arrayContaining(['structure', 'ownership', 'scope', 'result', 'reflection'].map((criterion) => `score-${question.id}.${criterion}`)));
      expect(mentorForm.filter((name) => name.startsWith(`score-${question.id}.notes.`)).length).toBeGreaterThanOrEqual(8);
    }
  }, 120_000);

  it('without --fillable the PDF has no form', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'prep-pack-fillable-')), 'plain.pdf');
    expect((await runCli(['build', '--role', 'tl', '--template', 'worksheets', '--out', out])).code).toBe(0);
    expect((await readPdf(out)).form).toEqual([]);
  }, 120_000);
});
