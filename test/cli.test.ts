import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { repoRoot } from './helpers/fixtures.js';

describe('exit codes and messages', () => {
  it('check passes on the shipped content', async () => {
    const run = await runCli(['check']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('Content is valid: 53 questions, 3 roles, 6 companies, 7 industries, 18 competencies, 35 tips, 4 templates.\n');
  });

  it('check names the file, line and field of a malformed file and exits 1', async () => {
    const run = await runCli(['check', '--content', 'test/fixtures/content-malformed']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("test/fixtures/content-malformed/questions/broken.md:6:7  form  is 'aproach', which is not one of: past-behaviour, approach, motivation. Did you mean 'approach'?");
    expect(run.stderr).toContain('1 problem found.');
  });

  it('an unknown role is a usage error (2) listing the known ids', async () => {
    const run = await runCli(['build', '--role', 'staf']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("prep-pack: --role staf: there is no role 'staf'. Did you mean 'staff'? Known role ids: em, staff, tl.\n");
  });

  it('an unknown company is a usage error (2)', async () => {
    const run = await runCli(['list', 'questions', '--role', 'em', '--company', 'amazn']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Did you mean 'amazon'?");
  });

  it('a missing --role, an unknown option or a bad paper size exits 2', async () => {
    expect((await runCli(['build'])).code).toBe(2);
    expect((await runCli(['build', '--role', 'staff', '--colour'])).code).toBe(2);
    const paper = await runCli(['build', '--role', 'staff', '--paper', 'a3']);
    expect(paper.code).toBe(2);
    expect(paper.stderr).toContain('Allowed choices are letter, a4');
  });

  it('an unknown template lists the available ones', async () => {
    const run = await runCli(['build', '--role', 'staff', '--template', 'workbok']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("there is no template 'workbok'. Did you mean 'workbook'? Available templates: cheatsheet, mentor, workbook, worksheets.");
  });

  it('a template file of your own with a mistake names its line and the likely fix', async () => {
    const run = await runCli(['build', '--role', 'tl', '--template', 'test/fixtures/templates/typo.md']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("test/fixtures/templates/typo.md:5:11  sections[1].type  must have a known type: cover, prose,");
    expect(run.stderr).toContain("Did you mean 'worksheets'?");
  });

  it('--help shows examples', async () => {
    const run = await runCli(['build', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('$ prep-pack build --role staff --company google');
  });

  it('list roles prints a table and --json prints JSON', async () => {
    const table = await runCli(['list', 'roles']);
    expect(table.stdout.split('\n')[0]).toMatch(/^ID\s+NAME\s+SCOPE$/);
    const json = JSON.parse((await runCli(['list', 'roles', '--json'])).stdout) as { id: string }[];
    expect(json.map((role) => role.id)).toEqual(['em', 'staff', 'tl']);
  });

  it('list questions --json shows what a build would contain', async () => {
    const list = async (...args: string[]) => JSON.parse((await runCli(['list', 'questions', '--json', ...args])).stdout) as { id: string; number: number }[];
    const staffGoogle = await list('--role', 'staff', '--company', 'google');
    const emAmazon = await list('--role', 'em', '--company', 'amazon');
    expect(staffGoogle.map((q) => q.number)).toEqual(staffGoogle.map((_, index) => index + 1));
    expect(staffGoogle.map((q) => q.id)).toContain('decision-without-information');
    expect(emAmazon.map((q) => q.id)).not.toContain('decision-without-information');
    expect(emAmazon.map((q) => q.id)).toContain('underperforming-team-members');
    expect(staffGoogle.map((q) => q.id)).not.toContain('underperforming-team-members');
  });

  it('--content adds questions of your own to a build’s selection', async () => {
    const ids = JSON.parse((await runCli(['list', 'questions', '--role', 'staff', '--json', '--content', 'test/fixtures/content-extra'])).stdout) as { id: string }[];
    expect(ids.map((q) => q.id)).toContain('my-own-question');
  });
});

describe('characters the font cannot draw', () => {
  it('are a warning naming the file, and the build still succeeds', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'prep-pack-')), 'glyphs.pdf');
    const run = await runCli(['build', '--role', 'staff', '--content', 'test/fixtures/content-glyph', '--out', out, '--worksheets', '0']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(
      "warning: test/fixtures/content-glyph/questions/ticked-boxes.md: '☐' (U+2610) is not in the font IBM Plex Sans; it would print as a blank box. Replace it with a character the font has.\n",
    );
  });
});

describe('failed builds leave the previous PDF alone', () => {
  it('does not touch an earlier PDF when the content is invalid', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prep-pack-'));
    const out = join(dir, 'pack.pdf');
    writeFileSync(out, 'the previous good PDF');
    const run = await runCli(['build', '--role', 'staff', '--out', out, '--content', 'test/fixtures/content-malformed']);
    expect(run.code).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe('the previous good PDF');
    expect(readdirSync(dir)).toEqual(['pack.pdf']);
  });

  it('reports an unwritable destination with exit 3 and leaves nothing behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prep-pack-'));
    const blocker = join(dir, 'not-a-folder');
    writeFileSync(blocker, 'a file where a folder is expected');
    const run = await runCli(['build', '--role', 'tl', '--out', join(blocker, 'pack.pdf')]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/^prep-pack: cannot create the folder for .*pack\.pdf/);
    expect(readdirSync(dir)).toEqual(['not-a-folder']);
  });
});

describe('the installed command', () => {
  const bin = join(repoRoot, 'dist', 'bin.js');

  it('runs as a program of its own, as npx and a shell run it (not only through node)', () => {
    const run = spawnSync(bin, ['list', 'roles'], { cwd: repoRoot, encoding: 'utf8' });
    expect(run.error).toBeUndefined();
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('staff');
  });

  it('prints user errors without a stack trace', () => {
    const run = spawnSync(process.execPath, [bin, 'build', '--role', 'nope'], { cwd: repoRoot, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("there is no role 'nope'");
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('never runs ---js front matter given with --content', () => {
    const dir = mkdtempSync(join(tmpdir(), 'prep-pack-js-'));
    const marker = join(dir, 'evaluated');
    const questions = join(dir, 'content', 'questions');
    spawnSync('mkdir', ['-p', questions]);
    writeFileSync(
      join(questions, 'evil.md'),
      `---js\n{ id: (require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran'), 'evil') }\n---\n`,
    );
    const run = spawnSync(process.execPath, [bin, 'check', '--content', join(dir, 'content')], { cwd: repoRoot, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("evil.md:1:1  is '---js' front matter, which would be run as code");
    expect(readdirSync(dir)).toEqual(['content']);
  });
});
