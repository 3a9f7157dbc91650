import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContent } from '../src/content/read-content.js';
import { matchPosting } from '../src/select/posting.js';
import { runCli } from './helpers/cli.js';
import { fixture } from './helpers/fixtures.js';
import { readPdf } from './helpers/pdf.js';

const dir = mkdtempSync(join(tmpdir(), 'prep-pack-posting-'));
const content = await readContent();
const posting = (name: string) => join(fixture('postings'), `${name}.md`);
const found = (name: string) => matchPosting(content, name, readFileSync(posting(name), 'utf8')).found;

/**
 * What a reader of each posting would say it asks for, written from the posting's text
 * (not from prep-pack's output), and what it clearly does not.
 */
const EXPECTED = {
  'tech-lead-payments': {
    first: 'technical-excellence',
    asks: ['technical-excellence', 'delivery', 'architecture', 'crisis-management', 'people-development', 'leadership', 'risk-compliance', 'decision-making'],
    not: ['team-building', 'performance-management', 'change-management'],
  },
  'engineering-manager-growth': {
    first: 'team-building',
    asks: ['team-building', 'people-development', 'performance-management', 'conflict-resolution', 'remote-leadership', 'change-management', 'delivery'],
    not: ['architecture', 'technical-excellence', 'crisis-management'],
  },
  'staff-engineer-platform': {
    first: 'architecture',
    asks: ['architecture', 'influence', 'strategy', 'change-management', 'decision-making', 'conflict-resolution', 'people-development'],
    not: ['performance-management', 'crisis-management', 'team-building'],
  },
} as const;

describe('matching a posting to competencies', () => {
  it.each(Object.entries(EXPECTED))('%s: the competencies it asks for, most asked first', (name, expected) => {
    const competencies = found(name).map((row) => row.competency);
    expect(competencies[0]).toBe(expected.first);
    for (const id of expected.asks) expect(competencies).toContain(id);
    for (const id of expected.not) expect(competencies).not.toContain(id);
  });

  it('quotes the posting’s own words, matched on their stems', () => {
    const text = readFileSync(posting('engineering-manager-growth'), 'utf8');
    for (const row of found('engineering-manager-growth')) for (const quote of row.quotes) expect(text.replace(/\s+/g, ' ')).toContain(quote);
    const people = found('engineering-manager-growth').find((row) => row.competency === 'people-development')!;
    // "growing engineers" in the posting, "grow engineers" in the content: the same stems.
    expect(content.competencies.get('people-development')!.knownAs).toContain('grow engineers');
    expect(people.quotes).toContain('growing engineers');
  });

  it('a posting that names no competency finds nothing', () => {
    expect(matchPosting(content, 'x', 'Lorem ipsum dolor sit amet, consectetur adipiscing elit.').found).toEqual([]);
  });
});

describe('--posting in a build', () => {
  it('prints "What this posting asks for" with the matched words quoted and the questions for each', async () => {
    const out = join(dir, 'staff-posting.pdf');
    const run = await runCli(['build', '--role', 'staff', '--company', 'google', '--posting', posting('staff-engineer-platform'), '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const pdf = await readPdf(out);
    const page = pdf.pages[pdf.destinations.get('section-posting')! - 1]!;
    expect(page).toContain('What this posting asks for');
    const rows = found('staff-engineer-platform');
    expect(page).toContain(`asks for ${rows.length} of the ${content.competencies.size} competencies`);
    for (const row of rows.slice(0, 3)) {
      expect(page).toContain(content.competencies.get(row.competency)!.name);
      for (const quote of row.quotes) expect(page).toContain(`“${quote}”`);
    }
    expect(page).toMatch(/Questions for it: Q\d+/);
    expect(pdf.outline).toContain('What this posting asks for');
    expect((await pdf.overlaps()).filter((overlap) => overlap.page === pdf.destinations.get('section-posting'))).toEqual([]);
  }, 60_000);

  it('list questions --posting keeps the questions for what it asks, those first in print order', async () => {
    const run = await runCli(['list', 'questions', '--json', '--role', 'em', '--posting', posting('engineering-manager-growth')]);
    expect(run.code).toBe(0);
    const rows = JSON.parse(run.stdout) as { id: string; group: string; competencies: string[]; why: string }[];
    const asked = found('engineering-manager-growth').map((row) => row.competency);
    const all = JSON.parse((await runCli(['list', 'questions', '--json', '--role', 'em'])).stdout) as { id: string }[];
    expect(rows.length).toBeLessThan(all.length);
    for (const row of rows) {
      expect(row.competencies.some((id) => asked.includes(id))).toBe(true);
      expect(row.why).toMatch(/\(the posting\)$/);
    }
    expect(rows[0]!.group).toBe(content.competencies.get(asked[0]!)!.name);
  });

  it('a posting that matches nothing says so and leaves the questions as they were', async () => {
    const empty = join(dir, 'nothing.txt');
    writeFileSync(empty, 'We are a friendly bakery in Lisbon. Lorem ipsum dolor sit amet.\n');
    const out = join(dir, 'nothing.pdf');
    expect((await runCli(['build', '--role', 'tl', '--posting', empty, '--out', out])).code).toBe(0);
    const pdf = await readPdf(out);
    expect(pdf.text).toContain('uses none of the phrases the competencies are known by, so it changed nothing');
    const withPosting = JSON.parse((await runCli(['list', 'questions', '--json', '--role', 'tl', '--posting', empty])).stdout) as { id: string }[];
    const without = JSON.parse((await runCli(['list', 'questions', '--json', '--role', 'tl'])).stdout) as { id: string }[];
    expect(withPosting.map((row) => row.id)).toEqual(without.map((row) => row.id));
  }, 60_000);

  it('a posting is input: a missing, binary, empty or too large file is refused with its name, and no PDF is written', async () => {
    const out = join(dir, 'never.pdf');
    const missing = await runCli(['build', '--role', 'tl', '--posting', join(dir, 'no-such.md'), '--out', out]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no-such.md: no such file');
    const binary = join(dir, 'ad.pdf');
    writeFileSync(binary, Buffer.concat([Buffer.from('%PDF-1.7\nLead engineers\n'), Buffer.from([0, 0xff, 0xfe, 0x00, 0x12])]));
    const notText = await runCli(['build', '--role', 'tl', '--posting', binary, '--out', out]);
    expect(notText.code).toBe(1);
    expect(notText.stderr).toMatch(/ad\.pdf:3:1 +is not a text file/);
    const blank = join(dir, 'blank.md');
    writeFileSync(blank, '\n  \n');
    expect((await runCli(['build', '--role', 'tl', '--posting', blank, '--out', out])).stderr).toContain('blank.md:1:1  is empty');
    const large = join(dir, 'large.md');
    writeFileSync(large, 'mentor engineers. '.repeat(10_000));
    const tooLarge = await runCli(['build', '--role', 'tl', '--posting', large, '--out', out]);
    expect(tooLarge.code).toBe(1);
    expect(tooLarge.stderr).toContain('large.md:1:1  is larger than 128 KB');
    expect(tooLarge.stderr).not.toContain('    at ');
    expect(existsSync(out)).toBe(false);
  });

  it('the phrases are validated content: a knownAs that is not a list of phrases is a content error with its file and line', async () => {
    const mine = join(dir, 'bad-content');
    mkdirSync(join(mine, 'competencies'), { recursive: true });
    writeFileSync(join(mine, 'competencies', 'listening.md'), '---\nid: listening\nname: Listening\nsummary: Hearing people out.\nknownAs: active listening\n---\n');
    const run = await runCli(['check', '--content', mine]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/competencies\/listening\.md:5:\d+ +knownAs +/);
  });
});
