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
    const promptFields = form.filter((name) => /^q-[a-z0-9-]+\.[a-z0-9-]+$/.test(name));
    expect(promptFields).toHaveLength(questions.reduce((sum, q) => sum + q.scaffold.length, 0));
    expect(form).toContain('q-decision-without-information.what-you-knew-for-certain');

    const worksheetFields = (n: string) => form.filter((name) => name.startsWith(`star-${n}.`));
    const perWorksheet = ['title', 'situation', 'task', 'action', 'result', 'metrics', 'learned', 'questions'].map((field) => `star-03.${field}`);
    expect(worksheetFields('03')).toEqual(expect.arrayContaining(perWorksheet));
    expect(worksheetFields('03')).toHaveLength(perWorksheet.length + content.competencies.size);
    expect(worksheetFields('03')).toContain('star-03.competency-decision-making');
    expect(worksheetFields('04')).toHaveLength(0);
  }, 120_000);

  it('without --fillable the PDF has no form', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'prep-pack-fillable-')), 'plain.pdf');
    expect((await runCli(['build', '--role', 'tl', '--template', 'worksheets', '--out', out])).code).toBe(0);
    expect((await readPdf(out)).form).toEqual([]);
  }, 120_000);
});
