import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { readPdf } from './helpers/pdf.js';

const dir = mkdtempSync(join(tmpdir(), 'prep-pack-mock-questions-'));
const flat = (text: string) => text.replace(/\s+/g, ' ');
const STAFF_GOOGLE = ['--role', 'staff', '--company', 'google', '--template', 'mentor'];

/** The mock plan's rows as printed: "0:03 Q10 Describe a major incident … (5 min) Why: you chose it." */
async function mockPlanPage(pdfPath: string): Promise<string> {
  const pdf = await readPdf(pdfPath);
  const page = pdf.pages[pdf.destinations.get('section-mock-plan')! - 1];
  expect(page, 'a mock plan page').toContain('0:00');
  return flat(page!);
}

/** The question rows of the plan: its number and why it is in, in the order asked. */
const rows = (page: string) => [...page.matchAll(/\d:\d\d (Q\d+) .*? \(5 min\) Why: (.*?)\./g)].map(([, number, why]) => `${number} ${why}`);

describe('--mock-questions: the mentor chooses the mock interview', () => {
  it('asks her questions first, in her order, and says why each other question is there', async () => {
    const out = join(dir, 'chosen.pdf');
    const run = await runCli(['build', ...STAFF_GOOGLE, '--mock-questions', 'major-incident,handle-technical-debt', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const page = await mockPlanPage(out);
    expect(rows(page)).toEqual([
      'Q10 you chose it',
      'Q25 you chose it',
      'Q1 asked at Google, the company’s own question',
      'Q2 asked at Google, the company’s own question',
      'Q3 covers Architecture and scale, one question from each group in turn',
      'Q5 covers Communication, one question from each group in turn',
      'Q6 covers Decision making, one question from each group in turn',
    ]);
    expect(page).toContain('45 minutes: a 3-minute welcome, 7 questions of 5 minutes');
    expect(page).toContain('You chose 2; the rest are picked for you');
    // Her numbers are the candidate's: Q10 is the major incident there too.
    expect(page).toContain("Q10 Describe a major incident you've handled.");

    // Without a choice, the plan still says why it picked each question.
    const picked = join(dir, 'picked.pdf');
    expect((await runCli(['build', ...STAFF_GOOGLE, '--out', picked])).code).toBe(0);
    const pickedRows = rows(await mockPlanPage(picked));
    expect(pickedRows).toHaveLength(7);
    expect(pickedRows.slice(0, 2)).toEqual(['Q1 asked at Google, the company’s own question', 'Q2 asked at Google, the company’s own question']);
    expect(pickedRows.filter((row) => row.includes('you chose it'))).toEqual([]);
  }, 120_000);

  it('refuses an id that is not one of the pack\'s questions, with a did-you-mean, exit 2 and no PDF', async () => {
    const out = join(dir, 'typo.pdf');
    const run = await runCli(['build', ...STAFF_GOOGLE, '--mock-questions', 'major-incidnt', '--out', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--mock-questions major-incidnt: there is no question 'major-incidnt' in this pack. Did you mean 'major-incident'?");
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);

    // A question the pack was trimmed to leave out is not in it either.
    const trimmed = await runCli(['build', ...STAFF_GOOGLE, '--questions', 'scale-a-system,major-incident', '--mock-questions', 'handle-technical-debt', '--out', out]);
    expect(trimmed.code).toBe(2);
    expect(trimmed.stderr).toContain("there is no question 'handle-technical-debt' in this pack");

    // More than the interview has time for, and a question named twice.
    const many = 'major-incident,handle-technical-debt,scale-a-system,security-breach,foster-innovation,why-leadership,ic-to-leadership,mentor-team-members';
    const tooMany = await runCli(['build', ...STAFF_GOOGLE, '--mock-questions', many, '--out', out]);
    expect(tooMany.code).toBe(2);
    expect(tooMany.stderr).toContain('--mock-questions names 8 questions; a 45-minute mock interview has room for 7');
    const twice = await runCli(['build', ...STAFF_GOOGLE, '--mock-questions', 'major-incident,major-incident', '--out', out]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('names major-incident more than once');
    expect(existsSync(out)).toBe(false);

    // A template without a mock plan or study plan: the option would do nothing.
    const cheatsheet = await runCli(['build', '--role', 'staff', '--company', 'google', '--template', 'cheatsheet', '--mock-questions', 'major-incident', '--out', out]);
    expect(cheatsheet.code).toBe(2);
    expect(cheatsheet.stderr).toContain('--mock-questions major-incident has no effect with the cheatsheet template');
  }, 120_000);

  it('is kept in a pack file and in the recipe: build --from the PDF asks the same questions', async () => {
    const packs = join(dir, 'packs');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(packs, { recursive: true });
    writeFileSync(join(packs, 'grace.md'), '---\nrole: staff\ncompany: google\ntemplate: mentor\nmockQuestions: [security-breach, major-incident]\n---\n');
    const out = join(dir, 'grace-mentor.pdf');
    const run = await runCli(['build', join(packs, 'grace.md'), '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(rows(await mockPlanPage(out)).slice(0, 3)).toEqual(['Q11 you chose it', 'Q10 you chose it', 'Q1 asked at Google, the company’s own question']);
    const recipe = JSON.parse((await runCli(['info', out, '--json'])).stdout);
    expect(recipe.options.mockQuestions).toEqual(['security-breach', 'major-incident']);
    expect((await runCli(['info', out])).stdout).toMatch(/options +paper letter, binding left, mock questions security-breach, major-incident\n/);

    const again = join(dir, 'again.pdf');
    const rebuilt = await runCli(['build', '--from', out, '--out', again]);
    expect(rebuilt.code, rebuilt.stderr).toBe(0);
    expect(rows(await mockPlanPage(again))).toEqual(rows(await mockPlanPage(out)));

    // A mistyped id in the pack file is named at its line.
    writeFileSync(join(packs, 'typo.md'), '---\nrole: staff\ncompany: google\ntemplate: mentor\nmockQuestions: [major-incidnt]\n---\n');
    const typo = await runCli(['build', join(packs, 'typo.md'), '--out', join(dir, 'typo-pack.pdf')]);
    expect(typo.code).toBe(1);
    expect(typo.stderr).toMatch(/typo\.md:5.*mockQuestions.*'major-incidnt' is not a known question id\. Did you mean 'major-incident'\?/);
  }, 120_000);
});
