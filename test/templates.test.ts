import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readContent } from '../src/content/read-content.js';
import { buildPdf } from './helpers/build-pdf.js';
import { runCli } from './helpers/cli.js';
import type { PdfFacts } from './helpers/pdf.js';

const dir = mkdtempSync(join(tmpdir(), 'prep-pack-templates-'));
const content = await readContent();

const build = (name: string, ...args: string[]): Promise<PdfFacts> => buildPdf(join(dir, `${name}.pdf`), args);

describe('templates', () => {
  let workbook: PdfFacts;
  let mentor: PdfFacts;
  let cheatsheet: PdfFacts;
  let worksheets: PdfFacts;
  beforeAll(async () => {
    workbook = await build('workbook', '--role', 'em', '--company', 'amazon');
    mentor = await build('mentor', '--role', 'em', '--company', 'amazon', '--template', 'mentor');
    cheatsheet = await build('cheatsheet', '--role', 'em', '--company', 'amazon', '--template', 'cheatsheet');
    worksheets = await build('worksheets', '--role', 'staff', '--template', 'worksheets', '--worksheets', '3');
  }, 180_000);

  it('list templates shows each with its description', async () => {
    const rows = JSON.parse((await runCli(['list', 'templates', '--json'])).stdout) as { name: string; description: string }[];
    expect(rows.map((row) => row.name)).toEqual(['cheatsheet', 'mentor', 'workbook', 'worksheets']);
    expect(rows.every((row) => row.description.length > 20)).toBe(true);
  });

  it('worksheets: only the STAR guide, the worksheets asked for and the story bank', () => {
    expect(worksheets.pages).toHaveLength(1 + 3 + 1);
    expect(worksheets.pages[0]).toContain('Telling a story with STAR');
    expect(worksheets.pages.filter((page) => /STAR worksheet \d/.test(page))).toHaveLength(3);
    expect(worksheets.pages[4]).toContain('Story bank');
    expect(worksheets.text).not.toContain('Follow-ups to rehearse');
  });

  it('cheatsheet: two pages with every question as a checklist, STAR, the pitfalls and the values', () => {
    expect(cheatsheet.pages).toHaveLength(2);
    expect(cheatsheet.text).toContain(content.questions.get('deliver-bad-news')!.question);
    expect(cheatsheet.text).toContain('STAR in two minutes');
    for (const pitfall of content.roles.get('em')!.pitfalls) expect(cheatsheet.text).toContain(pitfall);
    for (const value of content.companies.get('amazon')!.values) expect(cheatsheet.text).toContain(value.name);
  });

  it('mentor: the same fingerprint and question numbers as the candidate’s workbook', () => {
    const fingerprint = (pdf: PdfFacts) => /fingerprint ([0-9a-f]{10})/.exec(pdf.pages[0]!)?.[1];
    expect(fingerprint(mentor)).toBeDefined();
    expect(fingerprint(mentor)).toBe(fingerprint(workbook));
    const numbered = (pdf: PdfFacts) => pdf.outline.filter((title) => /^Q\d+ /.test(title)).sort();
    expect(numbered(mentor)).toEqual(numbered(workbook));
  });

  it('mentor: a plan, and per question the model answers, probes and the role’s scorecard', () => {
    expect(mentor.text).toContain('Mock interview plan');
    const page = mentor.pages[mentor.destinations.get('q-deliver-bad-news')! - 1]!;
    const q = content.questions.get('deliver-bad-news')!;
    for (const probe of q.followUps) expect(page).toContain(probe);
    expect(page).toContain('Model answer, from an Amazon Principal Engineer');
    expect(page).toMatch(/Score this answer \(Q\d+\) 1 2 3 4 Structure/);
    // What each level looks like is on the rubric page, once (see mentor-edition.test.ts).
    const rubric = mentor.pages[mentor.destinations.get('section-scorecards')! - 1]!;
    expect(rubric).toContain('Scoring rubric — Engineering Manager');
    for (const level of content.roles.get('em')!.scorecard.scope) expect(rubric).toContain(level);
    expect(page).not.toContain('Follow-ups to rehearse');
  });
});
