import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CliRun } from './helpers/cli.js';

/**
 * Issue 10, the input side: every hostile or mistaken file ends in exit 1 (or 2) with its
 * file:line and field, no stack trace, quickly and within a memory bound.
 */

const hostile = 'test/fixtures/hostile';
const scratch = mkdtempSync(join(tmpdir(), 'prep-pack-hostile-'));
const questionTemplate = readFileSync(`${hostile}/question.md`, 'utf8');

/** A --content folder in the scratch dir holding the given files (path → text). */
function contentFolder(name: string, files: Record<string, string>): string {
  const root = join(scratch, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

function question(id: string, replace: Record<string, string> = {}): string {
  let text = questionTemplate.replace('QUESTION_ID', id);
  for (const [from, to] of Object.entries(replace)) text = text.replace(from, to);
  return text;
}

/** A user error: the exit code, no stack trace, no "internal error". */
function expectUserError(run: CliRun, code: number): void {
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(run.stderr).not.toContain('internal error');
  expect(run.code).toBe(code);
}

/** Runs the CLI and measures wall time and heap growth. */
async function measured(args: string[]): Promise<CliRun & { ms: number; heapGrowthMb: number }> {
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const run = await runCli(args, { PREP_PACK_NO_CACHE: '1' });
  return { ...run, ms: performance.now() - started, heapGrowthMb: (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20 };
}

describe('YAML aliases are refused, with file:line and field, wherever YAML is read', () => {
  it('content front matter: a billion laughs and a list of 200 aliases', async () => {
    const run = await measured(['check', '--content', `${hostile}/aliases`]);
    expectUserError(run, 1);
    expect(run.stderr).toContain(`${hostile}/aliases/questions/billion-laughs.md:5:9  x0[0]  uses a YAML alias ('*a'), and so do 71 more values in this file; prep-pack does not expand aliases.`);
    expect(run.stderr).toContain(`${hostile}/aliases/questions/many-aliases.md:6:5  alsoAskedAs[1]  uses a YAML alias ('*same'), and so do 199 more values`);
    expect(run.ms).toBeLessThan(5_000);
  });

  it('a pack file', async () => {
    const run = await runCli(['build', `${hostile}/alias-pack.md`]);
    expectUserError(run, 1);
    expect(run.stderr).toContain(`${hostile}/alias-pack.md:4:7  name  uses a YAML alias ('*r')`);
  });

  it('a stories file', async () => {
    const run = await runCli(['build', '--role', 'em', '--stories', `${hostile}/alias-stories.md`]);
    expectUserError(run, 1);
    expect(run.stderr).toContain(`${hostile}/alias-stories.md:3:4  x  uses a YAML alias ('*o')`);
  });
});

describe('limits: a file too large or nested too deep is refused fast', () => {
  it('a 20 MB content file: refused at line 1 with the limit, without reading it all', async () => {
    const line = '- Something that goes on and on\n';
    const dir = contentFolder('huge', { 'questions/huge.md': question('huge') + line.repeat((20 * 2 ** 20) / line.length) });
    const run = await measured(['check', '--content', dir]);
    expectUserError(run, 1);
    expect(run.stderr).toContain(`${join(dir, 'questions/huge.md')}:1:1  is larger than 128 KB, the most prep-pack reads from one file.`);
    expect(run.ms).toBeLessThan(5_000);
    expect(run.heapGrowthMb).toBeLessThan(100);
  });

  it('a 10,000-level nested list in a body: refused at its line with the limit', async () => {
    const dir = contentFolder('deep', {
      'questions/deep.md': question('deep', { '- The second prompt\n': `- The second prompt\n${'- '.repeat(10_000)}deep\n` }),
    });
    const run = await measured(['check', '--content', dir]);
    expectUserError(run, 1);
    expect(run.stderr).toContain(`${join(dir, 'questions/deep.md')}:13:1  nests lists or quotes more than 8 levels deep, the most prep-pack reads.`);
    expect(run.ms).toBeLessThan(5_000);
    expect(run.heapGrowthMb).toBeLessThan(100);
  });

  it('a list nested 9 levels by indentation is found on the parsed tree, at its line', async () => {
    const nine = Array.from({ length: 9 }, (_, level) => `${'  '.repeat(level)}- level ${level + 1}\n`).join('');
    const dir = contentFolder('nine', { 'questions/nine.md': question('nine', { '## Follow-ups\n': `## Follow-ups\n${nine}\n` }) });
    const run = await runCli(['check', '--content', dir]);
    expectUserError(run, 1);
    expect(run.stderr).toContain(`${join(dir, 'questions/nine.md')}:22:1  nests lists or quotes more than 8 levels deep`);
  });

  it('front matter nested deeper than the limit names the field', async () => {
    const dir = contentFolder('deep-yaml', { 'questions/deep-yaml.md': question('deep-yaml', { 'alsoAskedAs: []': `alsoAskedAs: ${'['.repeat(12)}x${']'.repeat(12)}` }) });
    const run = await runCli(['check', '--content', dir]);
    expectUserError(run, 1);
    expect(run.stderr).toContain(`${join(dir, 'questions/deep-yaml.md')}:4:22  alsoAskedAs[0][0][0][0][0][0][0][0]  nests lists and fields more than 8 levels deep`);
  });

  it('a Markdown file of 128 KB of lists (just under the limit) still parses within seconds', async () => {
    const many = '- item\n\nA paragraph between lists.\n\n';
    const body = many.repeat(Math.floor((120 * 1024) / many.length));
    const dir = contentFolder('many-lists', { 'questions/many-lists.md': question('many-lists', { '## Follow-ups\n': `## Example answer\n${body}## Follow-ups\n` }) });
    const run = await measured(['check', '--content', dir]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.ms).toBeLessThan(15_000);
  }, 30_000);

  it('a pack file, a stories file and a template over the size limit are refused the same way', async () => {
    const padding = `${'x'.repeat(100)}\n`.repeat(1400);
    const pack = join(scratch, 'big-pack.md');
    writeFileSync(pack, `---\nrole: em\n---\n${padding}`);
    const stories = join(scratch, 'big-stories.md');
    writeFileSync(stories, padding);
    const template = join(scratch, 'big-template.md');
    writeFileSync(template, `---\ndescription: big\nsections:\n  - type: cover\n---\n${padding}`);
    for (const [args, file] of [
      [['build', pack], pack],
      [['build', '--role', 'em', '--stories', stories], stories],
      [['build', '--role', 'em', '--template', template], template],
    ] as const) {
      const run = await runCli([...args]);
      expectUserError(run, 1);
      expect(run.stderr).toContain(`${file}:1:1  is larger than 128 KB`);
    }
  });
});
