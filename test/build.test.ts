import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readContent } from '../src/content/read-content.js';
import { runCli } from './helpers/cli.js';
import { readPdf, type PdfFacts } from './helpers/pdf.js';

const dir = mkdtempSync(join(tmpdir(), 'prep-pack-build-'));
const content = await readContent();
const question = (id: string) => content.questions.get(id)!;

async function build(name: string, ...args: string[]): Promise<PdfFacts> {
  const out = join(dir, `${name}.pdf`);
  const run = await runCli(['build', ...args, '--out', out]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/^Wrote .*\.pdf \(\d+ pages, \d+ KB, [\d.]+ s\)\n$/);
  return readPdf(out);
}

describe('a built workbook shows its selection', () => {
  let staffGoogle: PdfFacts;
  let emAmazon: PdfFacts;
  beforeAll(async () => {
    staffGoogle = await build('staff-google', '--role', 'staff', '--company', 'google');
    emAmazon = await build('em-amazon', '--role', 'em', '--company', 'amazon', '--paper', 'a4');
  }, 120_000);

  it('names the selection on the cover', () => {
    expect(staffGoogle.pages[0]).toContain('Staff Engineer · Google');
    expect(emAmazon.pages[0]).toContain('Engineering Manager · Amazon');
  });

  it('holds the company’s own questions and not another company’s', () => {
    expect(staffGoogle.text).toContain(question('decision-without-information').question);
    expect(staffGoogle.text).not.toContain(question('deliver-bad-news').question);
    expect(emAmazon.text).toContain(question('deliver-bad-news').question);
    expect(emAmazon.text).not.toContain(question('decision-without-information').question);
  });

  it('holds role-specific questions only for that role', () => {
    // "How do you handle underperforming team members?" is asked of managers, not Staff engineers.
    expect(emAmazon.text).toContain(question('underperforming-team-members').question);
    expect(staffGoogle.text).not.toContain(question('underperforming-team-members').question);
  });

  it('prints each question’s scaffold and follow-ups', () => {
    const q = question('decision-without-information');
    for (const prompt of q.scaffold) expect(staffGoogle.text).toContain(prompt);
    for (const probe of q.followUps) expect(staffGoogle.text).toContain(probe);
  });

  it('frames the pack with the company’s values', () => {
    expect(staffGoogle.text).toContain('What Google assesses');
    expect(emAmazon.text).toContain('What Amazon assesses');
    expect(emAmazon.text).toContain('Customer Obsession');
    expect(staffGoogle.text).not.toContain('Customer Obsession');
  });

  it('has a blank STAR worksheet', () => {
    expect(staffGoogle.text).toContain('STAR worksheet 1');
    expect(staffGoogle.text).toMatch(/Situation.*Task.*Action.*Result/);
  });

  it('uses the paper asked for', () => {
    expect(staffGoogle.pageSize).toEqual([612, 792]);
    expect(emAmazon.pageSize).toEqual([595, 842]);
  });

  it('has an outline and metadata', () => {
    expect(staffGoogle.outline).toContain('Cover');
    expect(staffGoogle.outline.some((title) => title.startsWith('Q1 '))).toBe(true);
    expect(staffGoogle.info.Title).toBe('Staff Engineer · Google — Behavioral Interview Workbook');
    expect(staffGoogle.info.Creator).toMatch(/^prep-pack \d+\.\d+\.\d+$/);
  });

  it('numbers every page as page X of Y', () => {
    const total = staffGoogle.pages.length;
    expect(staffGoogle.pages[total - 1]).toContain(`page ${total} of ${total}`);
  });
});

describe('reproducible builds', () => {
  it('gives byte-identical PDFs for the same inputs', async () => {
    const a = join(dir, 'a.pdf');
    const b = join(dir, 'b.pdf');
    expect((await runCli(['build', '--role', 'tl', '--out', a])).code).toBe(0);
    expect((await runCli(['build', '--role', 'tl', '--out', b])).code).toBe(0);
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
  }, 120_000);
});
