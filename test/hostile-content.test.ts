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

describe('a template cannot ask for unbounded work', () => {
  it('thousands of worksheets sections: refused at the sections line, in milliseconds', async () => {
    const template = join(scratch, 'endless.md');
    writeFileSync(template, `---\ndescription: Endless worksheets.\nsections:\n${'  - type: worksheets\n    count: 100\n'.repeat(3000)}---\n`);
    const run = await measured(['build', '--role', 'tl', '--template', template]);
    expectUserError(run, 1);
    expect(run.stderr).toContain(`${template}:4:3  sections  lists 3000 sections; a template may list at most 30.`);
    expect(run.ms).toBeLessThan(5_000);
    expect(run.heapGrowthMb).toBeLessThan(200);
  });

  it('a count over the bound, a repeated section, a bad option and a missing heading: all in one pass, sorted by line', async () => {
    const file = `${hostile}/template-problems.md`;
    const run = await runCli(['build', '--role', 'tl', '--template', file]);
    expectUserError(run, 1);
    const lines = run.stderr.split('\n').filter((line) => line.startsWith(file));
    expect(lines).toEqual([
      `${file}:6:14  sections[1].heading  names 'No such heading', but the body has no '## No such heading' section. Headings in the body: How to use this workbook.`,
      `${file}:8:12  sections[2].count  is 5000; the most allowed is 100.`,
      `${file}:10:21  sections[3].linesPerPrompt  must be a number, not 'three'.`,
      `${file}:11:11  sections[4].type  repeats 'worksheets' (first at sections[2], line 7); a template prints each section once. Ask for more worksheets with count (at most 100) instead.`,
    ]);
  });

  it('a stories file of more than 100 stories is refused at the 101st', async () => {
    const story = (n: number) => `## Story ${n}\n- Situation: S.\n- Task: T.\n- Action: A.\n- Result: R.\n- Competencies: leadership\n\n`;
    const stories = join(scratch, 'many-stories.md');
    writeFileSync(stories, Array.from({ length: 150 }, (_, n) => story(n + 1)).join(''));
    const run = await runCli(['build', '--role', 'em', '--stories', stories]);
    expectUserError(run, 1);
    expect(run.stderr).toContain(`${stories}:701:1  ## Story 101  is story 101; a stories file holds at most 100.`);
    expect(run.stderr).toContain('1 problem found.');
  });
});

describe('every problem in one pass, with its line, sorted by file and line', () => {
  it('content: references are checked even in files with other problems; a duplicate key does not hide the rest', async () => {
    const dir = `${hostile}/one-pass/questions`;
    const run = await runCli(['check', '--content', `${hostile}/one-pass`], { PREP_PACK_NO_CACHE: '1' });
    expectUserError(run, 1);
    const lines = run.stderr.split('\n').filter((line) => line.startsWith(dir));
    expect(lines).toEqual([
      `${dir}/body-problem.md:4:9  roles[0]  'staf' is not a known role id. Did you mean 'staff'? Known: em, staff, tl.`,
      `${dir}/body-problem.md:9:1  ## Answer scaffold  needs a list of at least 2 items ("- …"), found 1.`,
      `${dir}/several-problems.md:3:11  question  must not be empty.`,
      `${dir}/several-problems.md:4:13  roles[1]  'leed' is not a known role id. Known: em, staff, tl.`,
      `${dir}/several-problems.md:5:15  competencies  needs at least one competency id.`,
      `${dir}/several-problems.md:8:1  source  is given twice (first on line 7). Keep one 'source:' line.`,
      `${dir}/several-problems.md:10:1  ## Answer scaffold  needs a list of at least 2 items ("- …"), found 1.`,
      // The quote opens on line 3; the library notices only where line 4 starts.
      `${dir}/unclosed.md:3:1  question  is not valid YAML: Missing closing "quote. Check the indentation and quoting; values containing ": " or "#" need quotes.`,
    ]);
  });

  it('a pack file: every mistake at its line, not one per run', async () => {
    const file = `${hostile}/pack-problems.md`;
    const run = await runCli(['build', file]);
    expectUserError(run, 1);
    const lines = run.stderr.split('\n').filter((line) => line.startsWith(file));
    expect(lines).toEqual([
      `${file}:2:7  role  'staf' is not a known role id. Did you mean 'staff'? Known: em, staff, tl.`,
      `${file}:3:10  company  'amazn' is not a known company id. Did you mean 'amazon'? Known: amazon, apple, google, meta, microsoft, netflix.`,
      `${file}:4:11  industry  must not be empty.`,
      `${file}:5:11  template  'workbok' is not a template. Did you mean 'workbook'? Available templates: cheatsheet, mentor, workbook, worksheets.`,
      `${file}:6:10  stories  'no-such-stories.md' is not a file (paths are relative to the pack file).`,
      `${file}:7:13  worksheets  is 500; the most allowed is 100.`,
    ]);
  });
});

describe('messages are plain English naming the field', () => {
  it('never zod’s own wording', async () => {
    const dir = contentFolder('zod-words', {
      'questions/zod-words.md': question('zod-words', { 'source: Fixture': 'source: 5', 'roles: [tl]': 'roles: []', 'form: approach': 'form: 7' }),
      'companies/zod-words.md': '---\nid: zod-words\nname: Z\npublishedAs: Z\npublishedAt: not a web address\nvalues: []\n---\n## What the interview assesses\nA.\n## How to prepare\n- B\n',
    });
    const run = await runCli(['check', '--content', dir], { PREP_PACK_NO_CACHE: '1' });
    expectUserError(run, 1);
    expect(run.stderr).not.toMatch(/Invalid input|Too small|Too big|expected array|>=|Invalid URL/);
    expect(run.stderr).toContain('questions/zod-words.md:8:9  source  is 5, which is not a text or a list.');
    expect(run.stderr).toContain('questions/zod-words.md:5:8  roles  needs at least one role id.');
    expect(run.stderr).toContain('questions/zod-words.md:7:7  form  is 7, which is not one of: past-behaviour, approach, motivation.');
    expect(run.stderr).toContain('companies/zod-words.md:5:14  publishedAt  must be the public web address where the company publishes it.');
    expect(run.stderr).toContain('companies/zod-words.md:6:9  values  needs at least one value.');
  });
});

describe('nothing in a body is lost in silence', () => {
  it('raw HTML is refused at its line; a comment is fine', async () => {
    const dir = contentFolder('html', {
      'questions/html.md': question('html', {
        '- The second prompt\n': '- The second prompt\n- <img src="x.png">\n<!-- a note to myself -->\n',
        '- First probe?\n': '- First probe with <b>bold</b> words?\n',
      }),
    });
    const run = await runCli(['check', '--content', dir], { PREP_PACK_NO_CACHE: '1' });
    expectUserError(run, 1);
    const file = join(dir, 'questions/html.md');
    expect(run.stderr).toContain(`${file}:13:3  has raw HTML ('<img src="x.png">'), which a printed workbook cannot show.`);
    expect(run.stderr).toContain(`${file}:16:20  has raw HTML ('<b>'), which a printed workbook cannot show.`);
    expect(run.stderr).not.toContain('a note to myself');
  });

  it('a list item with no text is not a prompt and does not count toward the minimum', async () => {
    const dir = contentFolder('empty-item', { 'questions/empty-item.md': question('empty-item', { '- The second prompt\n': '- ![](diagram.png)\n' }) });
    const run = await runCli(['check', '--content', dir], { PREP_PACK_NO_CACHE: '1' });
    expectUserError(run, 1);
    expect(run.stderr).toContain(`${join(dir, 'questions/empty-item.md')}:10:1  ## Answer scaffold  needs a list of at least 2 items ("- …"), found 1.`);
  });
});

describe('files a content folder holds but prep-pack does not read are named, with why', () => {
  it('a file at the top of the folder, a symbolic link and a file that is not Markdown: warnings on stderr', async () => {
    const dir = contentFolder('skipped', {
      'misplaced-question.md': question('misplaced-question'),
      'README.md': '# My content\n',
      'questions/notes.txt': 'notes',
    });
    const { symlinkSync } = await import('node:fs');
    symlinkSync(join(process.cwd(), 'content/questions/align-with-business-goals.md'), join(dir, 'questions/linked.md'));
    const run = await runCli(['check', '--content', dir], { PREP_PACK_NO_CACHE: '1' });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`warning: ${join(dir, 'misplaced-question.md')}: skipped: content files go in a folder of their kind: competencies/, roles/, companies/, industries/, questions/, tips/.`);
    expect(run.stderr).toContain(`warning: ${join(dir, 'questions/linked.md')}: skipped: it is a symbolic link; prep-pack reads only real files and folders. Copy it in instead.`);
    expect(run.stderr).toContain(`warning: ${join(dir, 'questions/notes.txt')}: skipped: it is not a Markdown (.md) file.`);
    expect(run.stderr).not.toContain('README.md');
  });

  it('a template in DIR/templates/ is listed, checked and built alike', async () => {
    const dir = contentFolder('with-template', { 'templates/just-cover.md': readFileSync('test/fixtures/templates/cover-only.md', 'utf8') });
    const listed = JSON.parse((await runCli(['list', 'templates', '--content', dir, '--json'])).stdout) as { name: string }[];
    expect(listed.map((row) => row.name)).toContain('just-cover');
    const out = join(scratch, 'just-cover.pdf');
    const built = await runCli(['build', '--role', 'tl', '--content', dir, '--template', 'just-cover', '--out', out]);
    expect(built.stderr).toBe('');
    expect(built.code).toBe(0);
    const checked = await runCli(['check', '--content', dir]);
    expect(checked.code).toBe(0);
    expect(checked.stdout).toContain('5 templates');
  });
});

describe('the README’s example files work as shown', () => {
  const readme = readFileSync('README.md', 'utf8');

  it('the README shows each file in examples/ exactly', () => {
    for (const name of ['ada-stories.md', 'ada.md']) {
      expect(readme).toContain(`\`\`\`markdown\n${readFileSync(`examples/${name}`, 'utf8')}\`\`\``);
    }
  });

  it('examples/ada.md builds, with the stories of examples/ada-stories.md filling the worksheets', async () => {
    const out = join(scratch, 'ada.pdf');
    const run = await runCli(['build', 'examples/ada.md', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const { readPdf } = await import('./helpers/pdf.js');
    const pdf = await readPdf(out);
    expect(pdf.pages[0]).toContain('Ada Lovelace');
    expect(pdf.text).toContain('Moving payments to the new ledger');
    expect(pdf.text).toContain('Coaching a struggling engineer');
  }, 120_000);

  it('examples/ada-stories.md builds on its own, as the README’s command shows', async () => {
    const out = join(scratch, 'ada-stories.pdf');
    const run = await runCli(['build', '--role', 'em', '--stories', 'examples/ada-stories.md', '--template', 'worksheets', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  }, 120_000);
});
