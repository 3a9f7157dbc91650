import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readContent } from '../src/content/read-content.js';
import { buildPdf } from './helpers/build-pdf.js';
import { runCli } from './helpers/cli.js';
import type { PdfFacts } from './helpers/pdf.js';

const dir = mkdtempSync(join(tmpdir(), 'prep-pack-tailoring-'));
const content = await readContent();

interface Listed {
  number: number;
  id: string;
  group: string;
  companies: string[];
  competencies: string[];
  roles: string[];
  why: string;
}

async function listQuestions(...args: string[]): Promise<Listed[]> {
  const run = await runCli(['list', 'questions', '--json', ...args]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as Listed[];
}

const build = (name: string, ...args: string[]): Promise<PdfFacts> => buildPdf(join(dir, `${name}.pdf`), args);

const attributedTo = (company: string) => [...content.questions.values()].filter((question) => question.companies.includes(company));

describe('company questions for every role', () => {
  it('every role × company list holds all the company’s attributed questions, first', async () => {
    for (const role of content.roles.keys()) {
      for (const company of content.companies.keys()) {
        const listed = await listQuestions('--role', role, '--company', company);
        const own = attributedTo(company).map((question) => question.id);
        expect(own.length).toBeGreaterThan(0);
        expect(listed.slice(0, own.length).map((row) => row.id).sort()).toEqual([...own].sort());
        // No other company's questions.
        expect(listed.filter((row) => row.companies.length > 0 && !row.companies.includes(company))).toEqual([]);
      }
    }
  }, 60_000);

  it('questions reported for other roles are the ones the issue names, and they are now in', async () => {
    for (const [role, company, id] of [
      ['staff', 'microsoft', 'team-behind-schedule'],
      ['staff', 'apple', 'quality-while-moving-fast'],
      ['tl', 'netflix', 'decision-affecting-multiple-teams'],
    ] as const) {
      expect(content.questions.get(id)!.roles).not.toContain(role); // the case the issue is about
      const listed = await listQuestions('--role', role, '--company', company);
      expect(listed[0]!.id).toBe(id);
      expect(listed[0]!.why).toMatch(new RegExp(`^asked at ${content.companies.get(company)!.name}`));
    }
  });

  describe('in the PDFs', () => {
    const packs: Record<string, PdfFacts> = {};
    beforeAll(async () => {
      packs['staff-microsoft'] = await build('staff-microsoft', '--role', 'staff', '--company', 'microsoft');
      packs['staff-apple'] = await build('staff-apple', '--role', 'staff', '--company', 'apple');
      packs['tl-netflix'] = await build('tl-netflix', '--role', 'tl', '--company', 'netflix');
    }, 120_000);

    it.each([
      ['staff-microsoft', 'microsoft', 'Staff Engineer'],
      ['staff-apple', 'apple', 'Staff Engineer'],
      ['tl-netflix', 'netflix', 'Technical Lead'],
    ])('%s holds its company’s question on a page of its own, and the company page says who reported it', (pack, companyId, roleName) => {
      const pdf = packs[pack]!;
      const company = content.companies.get(companyId)!;
      const [question] = attributedTo(companyId);
      const questionPage = pdf.pages.find((page) => page.includes(`Asked at ${company.name}`) && page.includes(`Q1. ${question!.question}`));
      expect(questionPage).toBeDefined();
      const companyPage = pdf.pages[pdf.destinations.get('section-company')! - 1]!;
      expect(companyPage).toContain(`What ${company.name} assesses`);
      expect(companyPage).toContain(`People report one question from ${company.name} interviews.`);
      expect(companyPage).toContain(`Q1: ${question!.question}`);
      expect(companyPage).toContain(question!.examples.find((example) => example.attribution)!.attribution!);
      expect(companyPage).toContain(`and in your ${roleName} pack too`);
    });
  });

  it('a company no question is attributed to says so on its page', async () => {
    const mine = join(dir, 'stripe-content');
    mkdirSync(join(mine, 'companies'), { recursive: true });
    const microsoft = readFileSync(join('content', 'companies', 'microsoft.md'), 'utf8');
    writeFileSync(join(mine, 'companies', 'stripe.md'), microsoft.replace('id: microsoft', 'id: stripe').replace('name: Microsoft', 'name: Stripe'));
    const pdf = await build('staff-stripe', '--role', 'staff', '--company', 'stripe', '--content', mine);
    expect(pdf.text).toContain('People report no questions from Stripe interviews in this guide yet');
    expect(pdf.text).not.toContain('Asked at Stripe');
  });
});

describe('packs without a role', () => {
  it('the worksheets template builds with no --role, named by what it is', async () => {
    const pdf = await build('worksheets-no-role', '--template', 'worksheets', '--worksheets', '2');
    expect(pdf.pages).toHaveLength(1 + 2 + 1);
    expect(pdf.pages[0]).toContain('STAR worksheets');
    for (const role of content.roles.values()) expect(pdf.text).not.toContain(role.name);
    expect(pdf.info.Title).toBe('STAR worksheets');
  });

  it('a template with role-dependent sections still needs one, and says which sections', async () => {
    const run = await runCli(['build', '--out', join(dir, 'never.pdf')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('build needs --role (tl, em or staff): the workbook template prints role, questions');
    expect(existsSync(join(dir, 'never.pdf'))).toBe(false);
  });
});

describe('trimming the pack', () => {
  it('--questions keeps only the questions named, in print order', async () => {
    const listed = await listQuestions('--role', 'em', '--company', 'amazon', '--questions', 'team-conflict,deliver-bad-news');
    expect(listed.map((row) => row.id)).toEqual(['deliver-bad-news', 'team-conflict']);
    expect(listed[1]!.why).toBe('named with --questions');
  });

  it('--skip leaves out the questions named and nothing else', async () => {
    const all = await listQuestions('--role', 'tl');
    const skipped = content.roles.get('tl')!.transitionQuestions;
    expect(skipped.length).toBeGreaterThan(0);
    const trimmed = await listQuestions('--role', 'tl', '--skip', skipped.join(','));
    expect(trimmed.map((row) => row.id)).toEqual(all.map((row) => row.id).filter((id) => !skipped.includes(id)));
  });

  it('--competency keeps questions that exercise one of them, and the company’s own', async () => {
    const listed = await listQuestions('--role', 'staff', '--company', 'google', '--competency', 'delivery,influence');
    const all = await listQuestions('--role', 'staff', '--company', 'google');
    expect(listed.length).toBeLessThan(all.length);
    for (const row of listed) {
      if (row.companies.includes('google')) continue;
      expect(row.competencies.some((id) => id === 'delivery' || id === 'influence')).toBe(true);
      expect(row.why).toMatch(/^exercises .* \(--competency\)$/);
    }
    expect(listed.filter((row) => row.companies.includes('google')).length).toBe(attributedTo('google').length);
    const expected = all.filter((row) => row.companies.length > 0 || row.competencies.includes('delivery') || row.competencies.includes('influence'));
    expect(listed.map((row) => row.id).sort()).toEqual(expected.map((row) => row.id).sort());
  });

  it('--max N keeps N: the company’s questions first, then a spread of competencies', async () => {
    const listed = await listQuestions('--role', 'em', '--company', 'amazon', '--max', '6');
    expect(listed).toHaveLength(6);
    expect(listed.slice(0, 2).every((row) => row.companies.includes('amazon'))).toBe(true);
    // With no competency asked for, the best fit is a spread: no first competency twice while others are unused.
    const firsts = listed.slice(2).map((row) => row.competencies[0]);
    expect(new Set(firsts).size).toBe(firsts.length);
  });

  it('--max with --competency prefers questions whose first competency is the one asked for', async () => {
    const listed = await listQuestions('--role', 'staff', '--competency', 'architecture', '--max', '3');
    expect(listed).toHaveLength(3);
    const firstArchitecture = [...content.questions.values()].filter((q) => q.roles.includes('staff') && q.companies.length === 0 && q.industries.length === 0 && q.competencies[0] === 'architecture');
    expect(firstArchitecture.length).toBeGreaterThan(0);
    for (const question of firstArchitecture.slice(0, 3)) expect(listed.map((row) => row.id)).toContain(question.id);
  });

  it('an id that does not exist is a usage error with a did-you-mean', async () => {
    for (const [option, value, suggestion] of [
      ['--questions', 'team-conflct', 'team-conflict'],
      ['--skip', 'why-leadrship', 'why-leadership'],
      ['--competency', 'delivry', 'delivery'],
    ] as const) {
      for (const command of [['build', '--role', 'tl'], ['list', 'questions', '--role', 'tl']]) {
        const run = await runCli([...command, option, value, ...(command[0] === 'build' ? ['--out', join(dir, 'never.pdf')] : [])]);
        expect(run.code).toBe(2);
        expect(run.stderr).toContain(`${option} ${value}: there is no`);
        expect(run.stderr).toContain(`Did you mean '${suggestion}'?`);
      }
    }
    expect(existsSync(join(dir, 'never.pdf'))).toBe(false);
  });

  it('refuses another company’s question, --max 0, and trimming a template that prints no questions', async () => {
    const other = await runCli(['list', 'questions', '--role', 'tl', '--company', 'google', '--questions', 'deliver-bad-news']);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('--questions deliver-bad-news: that question is asked at amazon (add --company amazon)');
    expect((await runCli(['list', 'questions', '--role', 'tl', '--max', '0'])).code).toBe(2);
    const worksheets = await runCli(['build', '--template', 'worksheets', '--max', '3', '--out', join(dir, 'never.pdf')]);
    expect(worksheets.code).toBe(2);
    expect(worksheets.stderr).toContain('--max 3 has no effect with the worksheets template');
  });

  it('the PDF’s summary and contents say what was chosen and why', async () => {
    const listed = await listQuestions('--role', 'em', '--company', 'amazon', '--skip', 'speed-vs-quality', '--max', '4');
    const pdf = await build('em-amazon-trimmed', '--role', 'em', '--company', 'amazon', '--skip', 'speed-vs-quality', '--max', '4');
    const available = (await listQuestions('--role', 'em', '--company', 'amazon')).length;
    const summary = pdf.pages.find((page) => page.includes('What this pack holds'))!;
    expect(summary).toContain(`Chosen 4 of the ${available} questions for this selection.`);
    expect(summary).toContain('--skip: left out speed-vs-quality.');
    expect(summary).toContain("--max 4: 4 of");
    const contents = pdf.pages.find((page) => page.includes('How the questions were chosen'))!;
    for (const row of listed) {
      const question = content.questions.get(row.id)!;
      expect(contents).toContain(`Q${row.number}. ${question.question}`);
      expect(contents).toContain(row.why);
    }
    // Only the company page names it, as one of Amazon's that this pack leaves out.
    const skipped = content.questions.get('speed-vs-quality')!.question;
    expect(pdf.pages.filter((page) => page.includes(skipped)).map((page) => page.includes('What Amazon assesses'))).toEqual([true]);
    expect(pdf.text).toContain(`not in this pack (trimmed out): ${skipped}`);
    expect(pdf.outline.filter((title) => /^Q\d+/.test(title))).toHaveLength(4);
  });

  it('a pack file carries the trimming options, and the command line overrides them', async () => {
    const pack = join(dir, 'ada.md');
    writeFileSync(pack, '---\nrole: staff\ncompany: google\ncompetency: [strategy]\nmax: 3\n---\n');
    const pdf = await build('ada', pack);
    expect(pdf.outline.filter((title) => /^Q\d+/.test(title))).toHaveLength(3);
    expect(pdf.text).toContain('--competency: only questions that exercise Strategy and business alignment');
    const wider = await build('ada-wider', pack, '--max', '5');
    expect(wider.outline.filter((title) => /^Q\d+/.test(title))).toHaveLength(5);
    writeFileSync(pack, '---\nrole: staff\nskip: [why-leadershp]\n---\n');
    const run = await runCli(['build', pack, '--out', join(dir, 'never.pdf')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("ada.md:3:7  skip  'why-leadershp' is not a known question id.");
    expect(run.stderr).toContain("Did you mean 'why-leadership'?");
  });
});

describe('your stories against the company’s values (--stories)', () => {
  it('the company page names the stories that cover each value and flags those with none; the story bank names the competencies no story shows', async () => {
    const storiesFile = join('examples', 'ada-stories.md');
    const pdf = await build('em-microsoft-stories', '--role', 'em', '--company', 'microsoft', '--stories', storiesFile);
    const listed = await listQuestions('--role', 'em', '--company', 'microsoft');
    const inPack = listed.map((row) => content.questions.get(row.id)!);
    // Ada's stories, read from the file as a person would: their titles and competencies.
    const text = readFileSync(storiesFile, 'utf8');
    const stories = text.split('\n## ').slice(0, 99).map((block) => ({
      title: block.replace(/^## /, '').split('\n')[0]!.trim(),
      competencies: (/- Competencies: (.*)/.exec(block)?.[1] ?? '').split(',').map((id) => id.trim()),
    }));
    expect(stories).toHaveLength(2);
    const companyPages = pdf.pages.slice(pdf.destinations.get('section-company')! - 1, pdf.destinations.get('section-posting') ?? pdf.destinations.get('group-company-microsoft')! - 1).join(' ');
    let flagged = 0;
    for (const value of content.companies.get('microsoft')!.values) {
      const testing = inPack.filter((question) => value.questions.includes(question.id));
      const covering = stories.filter((story) => testing.some((question) => question.competencies.some((id) => story.competencies.includes(id))));
      const block = companyPages.slice(companyPages.indexOf(value.summary));
      const next = block.indexOf('story ready:', 1);
      const own = next > 0 ? block.slice(0, next) : block;
      if (covering.length === 0) {
        expect(own).toContain('NO STORY YET');
        flagged += 1;
      } else {
        for (const story of covering) expect(own).toContain(story.title);
      }
    }
    expect(flagged).toBeGreaterThan(0); // Ada has no story for Respect's conflict questions
    const bank = pdf.pages[pdf.destinations.get('section-story-bank')! - 1]!;
    const needed = [...new Set(inPack.flatMap((question) => question.competencies))].filter((id) => !stories.some((story) => story.competencies.includes(id)));
    expect(bank).toContain(`This pack's questions need a story for ${needed.length} competencies that none of yours shows yet`);
    for (const id of needed) expect(bank).toContain(content.competencies.get(id)!.name);
  }, 60_000);
});
