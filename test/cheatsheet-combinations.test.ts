import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContent } from '../src/content/read-content.js';
import { mm } from '../src/render/print-system.js';
import { groupQuestions } from '../src/select/questions.js';
import { resolveSelection } from '../src/select/selection.js';
import { buildPdf } from './helpers/build-pdf.js';
import { drawnSheets } from './helpers/drawn.js';
import { textBlockOf, unusedAtFoot } from './helpers/page-measures.js';

/**
 * The cheat sheet of every role × company (or none) × industry (or none), on both papers:
 * every question of the pack on it, two sheets, and — where the checklist, the reference
 * and the lines for the candidate's own questions need more (README, "The cheat sheet") —
 * a third sheet only when the checklist ran past the first, holding no checklist row and
 * ruled to its foot, not a near-empty sheet.
 */

const content = await readContent();
const dir = mkdtempSync(join(tmpdir(), 'prep-pack-cheatsheets-'));
const roles = [...content.roles.keys()];
const companies = [undefined, ...content.companies.keys()];
const industries = [undefined, ...content.industries.keys()];
const combinations = roles.flatMap((role) => companies.flatMap((company) => industries.map((industry) => ({ role, company, industry }))));

/** The checklist's question numbers printed on a page ("Q12" before the question). */
const questionNumbers = (page: string) => [...page.matchAll(/(?:^|\s)Q(\d+)\s/g)].map((match) => Number(match[1]));

describe.each(['letter', 'a4'])('every cheat sheet on %s', (paper) => {
  it(`holds every question, on two sheets, or on three only when the checklist runs on (${combinations.length} packs)`, async () => {
    const runOn: string[] = [];
    for (const { role, company, industry } of combinations) {
      const name = [role, company, industry, paper].filter(Boolean).join('-');
      const args = ['--role', role, ...(company ? ['--company', company] : []), ...(industry ? ['--industry', industry] : []), '--template', 'cheatsheet', '--paper', paper];
      const pdf = await buildPdf(join(dir, `${name}.pdf`), args);
      const questions = groupQuestions(content, resolveSelection(content, { role, ...(company ? { company } : {}), ...(industry ? { industry } : {}) })).flatMap((group) => group.questions);
      const printed = pdf.pages.flatMap(questionNumbers);
      expect({ name, printed }).toEqual({ name, printed: questions.map((_, index) => index + 1) });
      expect({ name, pages: pdf.pages.length <= 3 }).toEqual({ name, pages: true });
      if (pdf.pages.length === 2) continue;
      runOn.push(name);
      // A third sheet: the checklist ran past the first, the third holds none of it, and it is ruled to its foot.
      expect({ name, ranOn: questionNumbers(pdf.pages[1]!).length > 0, onThird: questionNumbers(pdf.pages[2]!) }).toEqual({ name, ranOn: true, onThird: [] });
      expect(pdf.pages[2]).toContain('Questions you will ask them');
      const third = drawnSheets(join(dir, `${name}.pdf`))[2]!;
      expect({ name, unusedMm: Math.round(unusedAtFoot(third, textBlockOf(third, 'left')) / mm(1)) }).toEqual({ name, unusedMm: expect.toSatisfy((unused: number) => unused <= 15) });
    }
    // Two sheets are the rule; a third is the exception the README names.
    expect(runOn.length).toBeLessThan(combinations.length / 10);
  }, 900_000);
});
