import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStories } from '../src/stories/parse-stories.js';
import { runCli } from './helpers/cli.js';
import { readPdf } from './helpers/pdf.js';

const dir = mkdtempSync(join(tmpdir(), 'prep-pack-stories-'));
const competencies = new Set(['leadership', 'delivery', 'architecture']);

describe('story files', () => {
  it('parse into stories with their fields and competencies', () => {
    const { stories, issues } = parseStories('s.md', '## Ledger\n- Situation: S.\n- Task: T.\n- Action: A.\n- Result: R.\n- Metrics: 2 hours\n- Competencies: leadership, delivery\n', competencies);
    expect(issues).toEqual([]);
    expect(stories).toEqual([
      { number: 1, title: 'Ledger', situation: 'S.', task: 'T.', action: 'A.', result: 'R.', metrics: '2 hours', competencies: ['leadership', 'delivery'], file: 's.md', line: 1 },
    ]);
  });

  it('report each mistake at its line, like content', async () => {
    const run = await runCli(['build', '--role', 'em', '--stories', 'test/fixtures/stories/broken-stories.md']);
    expect(run.code).toBe(1);
    const file = 'test/fixtures/stories/broken-stories.md';
    expect(run.stderr).toContain(`${file}:3:1  Taks  is not a story field. Did you mean 'Task'?`);
    expect(run.stderr).toContain(`${file}:6:1  Competencies  'leadrship' is not a known competency id. Did you mean 'leadership'?`);
    expect(run.stderr).toContain(`${file}:1:1  ## A story with mistakes  is missing 'Task'.`);
    expect(run.stderr).toContain(`${file}:8:1  ## A story missing its result  is missing 'Result'.`);
    expect(run.stderr).toContain('4 problems found.');
  });

  it('a missing stories file is a usage error', async () => {
    const run = await runCli(['build', '--role', 'em', '--stories', 'nowhere.md']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('prep-pack: --stories nowhere.md: no such file.\n');
  });
});

describe('a pack file with stories', () => {
  it('builds the selection it names, fills worksheets and points questions at the stories', async () => {
    const out = join(dir, 'ada.pdf');
    const run = await runCli(['build', 'test/fixtures/packs/ada.md', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const pdf = await readPdf(out);
    expect(pdf.pages[0]).toContain('Engineering Manager · Amazon');
    expect(pdf.pages[0]).toContain('Ada Lovelace');
    expect(pdf.pages[0]).toContain('Grace Hopper');
    const storyPage = pdf.destinations.get('story-1')!;
    expect(pdf.pages[storyPage - 1]).toContain('STAR worksheet 1 Story title Moving payments to the new ledger');
    expect(pdf.pages[storyPage - 1]).toContain('I wrote the migration plan, ran both ledgers side by side');
    expect(pdf.pages.filter((page) => /STAR worksheet \d/.test(page))).toHaveLength(3);
    // Underperformance exercises performance management and people development: story 2 fits, story 1 does not.
    const underperformance = pdf.pages[pdf.destinations.get('q-underperforming-team-members')! - 1]!;
    expect(underperformance).toContain(`Coaching a struggling engineer — worksheet on page ${pdf.destinations.get('story-2')}`);
    expect(underperformance).not.toContain('Moving payments to the new ledger');
    // Leading a technical initiative exercises leadership: story 1 fits.
    expect(pdf.pages[pdf.destinations.get('q-lead-technical-initiative')! - 1]).toContain('Moving payments to the new ledger — worksheet on page');
  }, 120_000);

  it('lets command-line options override the pack file', async () => {
    const out = join(dir, 'ada-staff.pdf');
    expect((await runCli(['build', 'test/fixtures/packs/ada.md', '--role', 'staff', '--worksheets', '0', '--template', 'cheatsheet', '--out', out])).code).toBe(0);
    const pdf = await readPdf(out);
    expect(pdf.pages[0]).toContain('Staff Engineer · Amazon');
    expect(pdf.pages).toHaveLength(2);
  }, 120_000);

  it('a pack file with an unknown key names its line', async () => {
    const run = await runCli(['build', 'test/fixtures/packs/typo.md']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("test/fixtures/packs/typo.md:3:1  compnay  is not a known field. Did you mean 'company'?");
  });
});
