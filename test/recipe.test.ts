import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { readContent } from '../src/content/read-content.js';
import { parseStories } from '../src/stories/parse-stories.js';
import { runCli } from './helpers/cli.js';
import { fixture, repoRoot } from './helpers/fixtures.js';
import { readPdf } from './helpers/pdf.js';

const dir = mkdtempSync(join(tmpdir(), 'prep-pack-recipe-'));
const storiesFile = fixture(join('packs', 'ada-stories.md'));
/** A pack with every kind of thing a recipe holds: names, stories, options asked for. */
const ORIGINAL = ['build', '--role', 'staff', '--company', 'google', '--name', 'Ada Lovelace', '--mentor', 'Grace Hopper', '--stories', storiesFile, '--paper', 'a4', '--answers', 'inline', '--worksheets', '3'];
const original = join(dir, 'original.pdf');

beforeAll(async () => {
  const built = await runCli([...ORIGINAL, '--out', original]);
  expect(built.stderr).toBe('');
  expect(built.code).toBe(0);
}, 120_000);

/** The fingerprint printed on a PDF's cover, as a reader sees it. */
async function coverFingerprint(path: string): Promise<string> {
  return /fingerprint ([0-9a-f]{10})/.exec((await readPdf(path)).pages[0]!)![1]!;
}

describe('the recipe every PDF carries', () => {
  it('is an embedded file in the standard place, which other tools list', () => {
    expect(execFileSync('qpdf', ['--list-attachments', original], { encoding: 'utf8' })).toMatch(/^prep-pack-recipe\.json -> /m);
    const recipe = JSON.parse(execFileSync('qpdf', [`--show-attachment=prep-pack-recipe.json`, original], { encoding: 'utf8' }));
    expect(recipe.selection).toEqual({ role: 'staff', company: 'google' });
  });

  it('info --json gives the selection, options asked for, names, stories in full, fingerprint and version', async () => {
    const run = await runCli(['info', original, '--json']);
    expect(run.code).toBe(0);
    const recipe = JSON.parse(run.stdout);
    expect(recipe.selection).toEqual({ role: 'staff', company: 'google' });
    expect(recipe.template).toBe('workbook');
    expect(recipe.options).toEqual({ paper: 'a4', binding: 'left', answers: 'inline', worksheets: 3 });
    expect(recipe.names).toEqual({ name: 'Ada Lovelace', mentor: 'Grace Hopper' });
    expect(recipe.fingerprint).toBe(await coverFingerprint(original));
    expect(recipe.prepPackVersion).toBe(JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version);
    const content = await readContent();
    const { stories } = parseStories('ada-stories.md', readFileSync(storiesFile, 'utf8'), new Set(content.competencies.keys()));
    expect(recipe.stories).toEqual(stories.map(({ number: _number, file: _file, line: _line, ...story }) => story));
  });

  it('info prints it for a person', async () => {
    const run = await runCli(['info', original]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Staff Engineer · Google (--role staff --company google)');
    expect(run.stdout).toContain('candidate Ada Lovelace, mentor Grace Hopper');
    expect(run.stdout).toContain(`fingerprint  ${await coverFingerprint(original)} (the content here is the same)`);
    expect(run.stdout).toContain('“Moving payments to the new ledger”');
    expect(run.stdout).toContain('paper a4, binding left, answers inline, 3 worksheets');
  });

  it('info on a PDF prep-pack did not make, on a damaged one and on garbage: a clear message, exit code 4, no stack', async () => {
    const other = join(dir, 'other.pdf');
    execFileSync('qpdf', ['--empty', other]);
    const truncated = join(dir, 'truncated.pdf');
    writeFileSync(truncated, readFileSync(original).subarray(0, 4000));
    const garbage = join(dir, 'garbage.pdf');
    writeFileSync(garbage, Buffer.from('not a PDF at all \u0000\u0001\u0002'.repeat(50)));
    const cases: [string, string][] = [
      [other, 'was not made by prep-pack: it carries no prep-pack-recipe.json'],
      [truncated, 'is a damaged PDF'],
      [garbage, 'is not a PDF'],
    ];
    for (const [path, message] of cases) {
      const run = await runCli(['info', path]);
      expect(run.code, path).toBe(4);
      expect(run.stderr).toContain(message);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(run.stdout).toBe('');
    }
    const missing = await runCli(['info', join(dir, 'nothing.pdf')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file');
  });
});

/** A PDF carrying the given recipe, as another program (or a tampering hand) might make it. */
async function pdfWithRecipe(path: string, recipe: unknown): Promise<void> {
  const doc = new PDFDocument();
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve) => doc.on('end', resolve));
  doc.file(Buffer.from(JSON.stringify(recipe)), { name: 'prep-pack-recipe.json', type: 'application/json' });
  doc.end();
  await ended;
  writeFileSync(path, Buffer.concat(chunks));
}

describe('a recipe from a PDF someone sent is data, held to what prep-pack writes', () => {
  it('names no file: a template path or a pack name with a folder in it is refused, and nothing is written', async () => {
    const recipe = JSON.parse((await runCli(['info', original, '--json'])).stdout);
    const cases: [string, unknown, string][] = [
      ['escape.pdf', { ...recipe, packName: '../../escaped' }, 'packName: must be a name, not a path'],
      ['template-path.pdf', { ...recipe, template: '../../../etc/secret.md' }, 'template: must be a name, not a path'],
      ['many-stories.pdf', { ...recipe, stories: Array.from({ length: 101 }, () => recipe.stories[0]) }, 'stories'],
    ];
    for (const [name, tampered, message] of cases) {
      const path = join(dir, name);
      await pdfWithRecipe(path, tampered);
      const work = mkdtempSync(join(tmpdir(), 'prep-pack-tampered-'));
      const run = await runCli(['build', '--from', path], {}, work);
      expect(run.code, name).toBe(4);
      expect(run.stderr).toContain('its prep-pack-recipe.json is damaged or from another version of prep-pack');
      expect(run.stderr).toContain(message);
      expect(readdirSync(work)).toEqual([]);
    }
  });
});

describe('build --from', () => {
  it('rebuilds the pack from nothing but the PDF, byte for byte', async () => {
    const again = join(dir, 'again.pdf');
    const run = await runCli(['build', '--from', original, '--out', again]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(readFileSync(again).equals(readFileSync(original))).toBe(true);
  }, 120_000);

  it('rebuilds a trimmed, posting-tailored, planned pack as it was, posting and plan carried in the PDF', async () => {
    // Built in one folder, rebuilt from another, on another day: the posting file is not there, and "today" has moved on.
    const made = mkdtempSync(join(tmpdir(), 'prep-pack-recipe-tailored-'));
    cpSync(fixture(join('postings', 'engineering-manager-growth.md')), join(made, 'posting.md'));
    const tailored = join(made, 'tailored.pdf');
    const built = await runCli(['build', '--role', 'em', '--company', 'amazon', '--posting', 'posting.md', '--max', '8', '--skip', 'why-leadership', '--interview-date', '2026-01-20', '--hours-per-day', '2', '--out', tailored], { PREP_PACK_TODAY: '2026-01-05' }, made);
    expect(built.stderr).toBe('');
    expect(built.code).toBe(0);
    const elsewhere = mkdtempSync(join(tmpdir(), 'prep-pack-recipe-elsewhere-'));
    const again = join(elsewhere, 'again.pdf');
    const rebuilt = await runCli(['build', '--from', tailored, '--out', again], { PREP_PACK_TODAY: '2026-01-09' }, elsewhere);
    expect(rebuilt.stderr).toBe('');
    expect(rebuilt.code).toBe(0);
    expect(readFileSync(again).equals(readFileSync(tailored))).toBe(true);
    const info = await runCli(['info', tailored]);
    expect(info.stdout).toMatch(/trimmed +--skip why-leadership --max 8/);
    expect(info.stdout).toMatch(/posting +posting\.md \(\d+ characters, carried in the PDF\)/);
    expect(info.stdout).toMatch(/plan +from 2026-01-05 to the interview on 2026-01-20, 2 h a day/);
  }, 120_000);

  it('builds its twin in another edition, with the same fingerprint and the stories', async () => {
    const mentor = join(dir, 'mentor.pdf');
    const run = await runCli(['build', '--from', original, '--template', 'mentor', '--out', mentor]);
    expect(run.code).toBe(0);
    // The workbook's own options do nothing in the mentor's edition: said, not silently dropped.
    expect(run.stderr).toContain("'worksheets' has no effect with the mentor template");
    expect(await coverFingerprint(mentor)).toBe(await coverFingerprint(original));
    const pdf = await readPdf(mentor);
    expect(pdf.pages[0]).toContain('MENTOR EDITION');
    expect(pdf.text).toContain('Ada Lovelace');
    // Her stories are listed beside the questions they fit.
    expect(pdf.text).toContain('Moving payments to the new ledger');
  }, 120_000);

  it('options given override the recipe', async () => {
    const letter = join(dir, 'letter.pdf');
    expect((await runCli(['build', '--from', original, '--paper', 'letter', '--name', 'Ada King', '--out', letter])).code).toBe(0);
    const recipe = JSON.parse((await runCli(['info', letter, '--json'])).stdout);
    expect(recipe.options.paper).toBe('letter');
    expect(recipe.names.name).toBe('Ada King');
    expect((await readPdf(letter)).pageSizes).toEqual([[612, 792]]);
  }, 120_000);

  it('warns when the content changed since the PDF was made', async () => {
    const withExtra = join(dir, 'extra.pdf');
    expect((await runCli(['build', '--role', 'staff', '--content', fixture('content-extra'), '--worksheets', '0', '--out', withExtra])).code).toBe(0);
    const info = await runCli(['info', withExtra]);
    expect(info.stderr).toContain('the questions (or prep-pack\'s version) changed since the PDF was made');
    const rebuilt = await runCli(['build', '--from', withExtra, '--out', join(dir, 'without-extra.pdf')]);
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stderr).toMatch(/the content changed since the PDF was made: its fingerprint was [0-9a-f]{10}, this build's is [0-9a-f]{10}/);
  }, 120_000);

  it('never writes over the PDF it reads, and is refused with a pack file or for a PDF prep-pack did not make', async () => {
    const before = readFileSync(original);
    const onto = await runCli(['build', '--from', original, '--out', original]);
    expect(onto.code).toBe(3);
    expect(onto.stderr).toContain('is the --from PDF of this build');
    expect(readFileSync(original).equals(before)).toBe(true);
    expect((await runCli(['build', fixture(join('packs', 'ada.md')), '--from', original])).code).toBe(2);
    const other = join(dir, 'other-from.pdf');
    execFileSync('qpdf', ['--empty', other]);
    const refused = await runCli(['build', '--from', other, '--out', join(dir, 'x.pdf')]);
    expect(refused.code).toBe(4);
    expect(refused.stderr).toContain('was not made by prep-pack');
  }, 120_000);
});

describe('packs named after the person', () => {
  it('a pack file names its PDFs, builds every edition it lists, and a fillable build has a name of its own', async () => {
    const work = mkdtempSync(join(tmpdir(), 'prep-pack-named-'));
    cpSync(fixture(join('packs', 'ada-stories.md')), join(work, 'ada-stories.md'));
    writeFileSync(join(work, 'ada.md'), '---\nrole: em\ncompany: amazon\nname: Ada Lovelace\nstories: ada-stories.md\nworksheets: 1\neditions: [workbook, mentor]\n---\n');
    const both = await runCli(['build', 'ada.md'], {}, work);
    expect(both.code).toBe(0);
    expect(both.stdout).toMatch(/Wrote out\/ada\.pdf .*\nWrote out\/ada-mentor\.pdf /);
    expect(await coverFingerprint(join(work, 'out', 'ada-mentor.pdf'))).toBe(await coverFingerprint(join(work, 'out', 'ada.pdf')));
    const fillable = await runCli(['build', 'ada.md', '--template', 'workbook', '--fillable'], {}, work);
    expect(fillable.stdout).toMatch(/^Wrote out\/ada-fillable\.pdf /);
    // Rebuilt from its PDF, the pack keeps its name (and replaces the PDF prep-pack wrote there).
    const fromMentor = await runCli(['build', '--from', 'out/ada-mentor.pdf', '--template', 'workbook', '--worksheets', '1'], {}, work);
    expect(fromMentor.code).toBe(0);
    expect(fromMentor.stdout).toMatch(/^Wrote out\/ada\.pdf /);
    // Without a pack file, the selection names the file; fillable or not, two names.
    expect((await runCli(['build', '--role', 'tl', '--worksheets', '1', '--fillable'], {}, work)).stdout).toMatch(/^Wrote out\/tl-fillable\.pdf /);
    expect((await runCli(['build', '--role', 'tl', '--worksheets', '1'], {}, work)).stdout).toMatch(/^Wrote out\/tl\.pdf /);
  }, 300_000);

  it('a pack file with both editions and template, or an edition that is no template, is refused at its line', async () => {
    const work = mkdtempSync(join(tmpdir(), 'prep-pack-named-'));
    writeFileSync(join(work, 'both.md'), '---\nrole: em\ntemplate: workbook\neditions: [workbook, mentor]\n---\n');
    writeFileSync(join(work, 'typo.md'), '---\nrole: em\neditions:\n  - workbook\n  - mentr\n---\n');
    const both = await runCli(['build', 'both.md'], {}, work);
    expect(both.code).toBe(1);
    expect(both.stderr).toMatch(/both\.md:4:\d+  editions  and 'template' are both given/);
    const typo = await runCli(['build', 'typo.md'], {}, work);
    expect(typo.code).toBe(1);
    expect(typo.stderr).toMatch(/typo\.md:5:\d+  editions\[1\]  'mentr' is not a template\. Did you mean 'mentor'\?/);
  });
});
