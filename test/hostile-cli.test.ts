import { spawn, spawnSync } from 'node:child_process';
import { truncateSync, cpSync, existsSync, lstatSync, mkdtempSync, readFileSync, readlinkSync, readdirSync, statSync, symlinkSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleScript } from './helpers/bundle.js';
import { runCli } from './helpers/cli.js';
import { repoRoot } from './helpers/fixtures.js';

const bin = join(repoRoot, 'dist', 'bin.js');
const coverOnly = join(repoRoot, 'test', 'fixtures', 'templates', 'cover-only.md');

/** Runs the built CLI with its standard output closed before it writes, as `| head` does once it has read enough. */
function runWithClosedStdout(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy(); // the reader is gone before node has even started
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('output to a closed pipe', () => {
  it.each([[['help', 'build']], [['list', 'questions', '--role', 'staff']]])('prep-pack %j | head exits quietly', async (args) => {
    const run = await runWithClosedStdout(args);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });
});

describe('SOURCE_DATE_EPOCH', () => {
  it.each(['99999999999999', '-1e20', 'abc', '253402300800'])('%s is a usage error naming the variable, without a stack', async (value) => {
    const out = join(mkdtempSync(join(tmpdir(), 'prep-pack-date-')), 'x.pdf');
    const run = await runCli(['build', '--role', 'tl', '--template', coverOnly, '--out', out], { SOURCE_DATE_EPOCH: value });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^prep-pack: SOURCE_DATE_EPOCH /);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });

  it('the last second of the year 9999 still builds', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'prep-pack-date-')), 'x.pdf');
    const run = await runCli(['build', '--role', 'tl', '--template', coverOnly, '--out', out], { SOURCE_DATE_EPOCH: '253402300799' });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });
});

describe("React's error reports", () => {
  // A component that throws while rendering: React reports it through console.error, with its stack.
  let script: string[] = [];
  beforeAll(async () => {
    script = await bundleScript(mkdtempSync(join(tmpdir(), 'prep-pack-react-errors-')), 'broken', `
    const { renderDocumentToPdf } = await import(${JSON.stringify(join(repoRoot, 'src', 'engine', 'engine.ts'))});
    const { createElement } = await import('react');
    const { Document } = await import('@react-pdf/renderer');
    const Broken = () => { throw new Error('boom in a component'); };
    const info = { title: 't', subject: 's', keywords: '', creator: 'c', producer: 'p', creationDate: new Date(0), language: 'en' };
    await renderDocumentToPdf(createElement(Document, null, createElement(Broken)), info).then(
      () => console.log('rendered'),
      (error) => console.log('rejected: ' + error.message),
    );`);
  });
  const run = (env: NodeJS.ProcessEnv) =>
    spawnSync(process.execPath, script, { cwd: repoRoot, env: { ...process.env, NODE_PATH: join(repoRoot, 'node_modules'), ...env }, encoding: 'utf8' });

  it('print nothing, and the render fails with the error itself', () => {
    const result = run({ PREP_PACK_DEBUG: '' });
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('rejected: boom in a component');
  });

  it('print with PREP_PACK_DEBUG=1', () => {
    const result = run({ PREP_PACK_DEBUG: '1' });
    expect(result.stderr).toContain('boom in a component');
    expect(result.stdout.trim()).toBe('rejected: boom in a component');
  });
});

/** A folder holding a copy of every kind of input a build reads, and a PDF prep-pack made. */
async function workspace() {
  const dir = mkdtempSync(join(tmpdir(), 'prep-pack-out-'));
  cpSync(join(repoRoot, 'test', 'fixtures', 'content-extra'), join(dir, 'mine'), { recursive: true });
  // A cover and a story bank: small, and a template the stories file has an effect on.
  writeFileSync(join(dir, 'cover-only.md'), '---\ndescription: tiny\nsections:\n  - type: cover\n  - type: story-bank\n    rows: 3\n---\n');
  cpSync(join(repoRoot, 'test', 'fixtures', 'packs', 'ada-stories.md'), join(dir, 'stories.md'));
  writeFileSync(join(dir, 'pack.md'), '---\nrole: em\ntemplate: cover-only.md\n---\n');
  const made = await runCli(['build', '--role', 'tl', '--template', join(dir, 'cover-only.md'), '--out', join(dir, 'made.pdf')], {}, dir);
  expect(made.code).toBe(0);
  return dir;
}

/** The CLI, building the cover-only template from the workspace's inputs. */
const build = (dir: string, ...args: string[]) => runCli(['build', '--role', 'tl', '--template', 'cover-only.md', '--content', 'mine', '--stories', 'stories.md', ...args], {}, dir);

describe('--out never writes over an input', () => {
  it.each([
    ['a content file', 'mine/questions/my-own-question.md'],
    ['the template', 'cover-only.md'],
    ['the stories file', 'stories.md'],
  ])('refuses %s', async (what, out) => {
    const dir = await workspace();
    const before = readFileSync(join(dir, out));
    const run = await build(dir, '--out', out);
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(`prep-pack: --out ${out} is ${what} of this build; prep-pack never writes over its inputs. Choose another --out.\n`);
    expect(readFileSync(join(dir, out))).toEqual(before);
  });

  it('refuses the pack file, named by another path to the same file', async () => {
    const dir = await workspace();
    mkdirSync(join(dir, 'sub'));
    const before = readFileSync(join(dir, 'pack.md'));
    const run = await runCli(['build', 'pack.md', '--out', 'sub/../pack.md'], {}, dir);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('is the pack file of this build');
    expect(readFileSync(join(dir, 'pack.md'))).toEqual(before);
  });

  it("refuses prep-pack's own templates/workbook.md", async () => {
    const shipped = join(repoRoot, 'templates', 'workbook.md');
    const before = readFileSync(shipped);
    try {
      const run = await runCli(['build', '--role', 'tl', '--out', shipped]);
      expect(run.code).toBe(3);
      expect(run.stderr).toContain('is the template of this build');
    } finally {
      if (!readFileSync(shipped).equals(before)) writeFileSync(shipped, before); // never leave the repository damaged
    }
  });

  it("refuses prep-pack's shipped content", async () => {
    const shipped = join(repoRoot, 'content', 'roles', 'staff.md');
    const before = readFileSync(shipped);
    try {
      const run = await runCli(['build', '--role', 'tl', '--template', coverOnly, '--out', shipped]);
      expect(run.code).toBe(3);
      expect(run.stderr).toContain('is a content file of this build');
    } finally {
      if (!readFileSync(shipped).equals(before)) writeFileSync(shipped, before);
    }
  });
});

describe('--out replaces only a PDF prep-pack made', () => {
  it.each([
    ['a text file', (made: Buffer) => Buffer.from('my notes\n')],
    ["another program's PDF", (made: Buffer) => Buffer.from(made.toString('latin1').replaceAll('(prep-pack ', '(other-app '), 'latin1')],
    ['a truncated PDF', (made: Buffer) => made.subarray(0, Math.floor(made.length / 2))],
  ])('refuses %s, and leaves it as it was', async (_what, contents) => {
    const dir = await workspace();
    const existing = contents(readFileSync(join(dir, 'made.pdf')));
    writeFileSync(join(dir, 'existing.pdf'), existing);
    const run = await build(dir, '--out', 'existing.pdf');
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('prep-pack: --out existing.pdf already exists and is not a PDF made by prep-pack');
    expect(readFileSync(join(dir, 'existing.pdf'))).toEqual(existing);
  });

  it.each([['a PDF it made', true], ['an empty file', false]])('replaces %s', async (_what, keep) => {
    const dir = await workspace();
    if (!keep) writeFileSync(join(dir, 'made.pdf'), '');
    const run = await build(dir, '--out', 'made.pdf', '--paper', 'a4');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, 'made.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('--out writes only to a regular file or a new path', () => {
  it('refuses a folder, a FIFO and a link to /dev/null, and leaves them as they were', async () => {
    const dir = await workspace();
    mkdirSync(join(dir, 'folder.pdf'));
    expect(spawnSync('mkfifo', [join(dir, 'fifo.pdf')]).status).toBe(0);
    symlinkSync('/dev/null', join(dir, 'null.pdf'));
    const nullBefore = statSync('/dev/null');
    for (const [out, kind] of [['folder.pdf', 'a folder'], ['fifo.pdf', 'a named pipe (FIFO)'], ['null.pdf', 'a device']]) {
      const run = await build(dir, '--out', out!);
      expect(run.code, out).toBe(3);
      expect(run.stderr).toBe(`prep-pack: --out ${out} is ${kind}, not a file: prep-pack writes only to a regular file or a new path.\n`);
    }
    expect(statSync(join(dir, 'folder.pdf')).isDirectory()).toBe(true);
    expect(lstatSync(join(dir, 'fifo.pdf')).isFIFO()).toBe(true);
    expect(readlinkSync(join(dir, 'null.pdf'))).toBe('/dev/null');
    const nullAfter = statSync('/dev/null');
    expect([nullAfter.isCharacterDevice(), nullAfter.ino, nullAfter.rdev]).toEqual([true, nullBefore.ino, nullBefore.rdev]);
  });

  it.runIf(process.getuid?.() === 0)('refuses a device node (made for the test, as root)', async () => {
    const dir = await workspace();
    expect(spawnSync('mknod', [join(dir, 'device.pdf'), 'c', '1', '3']).status).toBe(0);
    const run = await build(dir, '--out', 'device.pdf');
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('is a device, not a file');
    expect(lstatSync(join(dir, 'device.pdf')).isCharacterDevice()).toBe(true);
  });

  it('writes through a symbolic link to a PDF it made, and keeps the link', async () => {
    const dir = await workspace();
    symlinkSync('made.pdf', join(dir, 'latest.pdf'));
    const before = readFileSync(join(dir, 'made.pdf'));
    const run = await build(dir, '--out', 'latest.pdf', '--paper', 'a4');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(readlinkSync(join(dir, 'latest.pdf'))).toBe('made.pdf');
    expect(readFileSync(join(dir, 'made.pdf')).equals(before)).toBe(false);
  });

  it('refuses a symbolic link to an input, or to nothing', async () => {
    const dir = await workspace();
    symlinkSync('stories.md', join(dir, 'to-stories.pdf'));
    symlinkSync('missing.pdf', join(dir, 'dangling.pdf'));
    const toInput = await build(dir, '--out', 'to-stories.pdf');
    expect(toInput.code).toBe(3);
    expect(toInput.stderr).toContain('is the stories file of this build');
    const dangling = await build(dir, '--out', 'dangling.pdf');
    expect(dangling.code).toBe(3);
    expect(dangling.stderr).toBe('prep-pack: --out dangling.pdf is a symbolic link to nothing; remove it or choose another --out.\n');
    expect(lstatSync(join(dir, 'dangling.pdf')).isSymbolicLink()).toBe(true);
  });

  it('--out - writes the PDF to standard output and no file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prep-pack-stdout-'));
    const run = await runCli(['build', '--role', 'tl', '--template', coverOnly, '--out', '-'], {}, dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^Wrote the PDF to standard output \(1 pages, \d+ KB, [\d.]+ s\)\n$/);
    expect(run.stdoutBytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('an option that cannot take effect is refused, never ignored', () => {
  it.each([
    [['--role', 'tl', '--force'], '--force only applies with --all'],
    [['--all', '--watch'], '--watch cannot be used with --all'],
    [['--role', 'tl', '--watch', '--out', '-'], '--watch cannot write to standard output'],
    [['--role', 'tl', '--template', 'cheatsheet', '--fillable'], '--fillable has no effect with the cheatsheet template'],
    [['--role', 'tl', '--template', 'mentor', '--answers', 'none'], '--answers none has no effect with the mentor template'],
    [['--role', 'tl', '--template', 'cheatsheet', '--worksheets', '3'], '--worksheets 3 has no effect with the cheatsheet template'],
    [['--all', '--template', 'cheatsheet', '--fillable'], '--fillable has no effect with the cheatsheet template'],
    [['--role', 'tl', '--template', 'worksheets', '--responses', 'ada-responses.md'], '--responses ada-responses.md has no effect with the worksheets template'],
    [['--all', '--responses', 'ada-responses.md'], "--responses holds one candidate's answers to one pack"],
    [['--all', '--from', 'ada.pdf'], '--from builds the one pack a PDF holds'],
    [['pack.md', '--from', 'ada.pdf'], 'give a pack file or --from, not both'],
  ])('build %j', async (args, message) => {
    const cwd = mkdtempSync(join(tmpdir(), 'prep-pack-conflict-'));
    const run = await runCli(['build', ...args], {}, cwd);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^prep-pack: ${message.replace(/[-.*+?^${}()|[\]\\]/g, '\\$&')}`));
    expect(run.stdout).toBe('');
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('an option kept in a pack file is a warning when the template has no use for it', async () => {
    const dir = await workspace();
    writeFileSync(join(dir, 'pack.md'), '---\nrole: tl\nfillable: true\n---\n');
    const run = await runCli(['build', 'pack.md', '--template', 'cheatsheet', '--out', 'cheat.pdf'], {}, dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("warning: pack.md: 'fillable' has no effect with the cheatsheet template: form fields go over the writing areas of question pages, STAR worksheets, the story bank, the practice log, the company's \"story ready\" lines and the mentor's scorecards, and it has none (its sections: cheatsheet). It is ignored for this build.\n");
  });
});

describe('an interrupted build leaves nothing behind', () => {
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };

  it.each(['SIGINT', 'SIGTERM'] as const)('%s during the write removes the temporary file, and the previous PDF is untouched', async (signal) => {
    const dir = mkdtempSync(join(tmpdir(), 'prep-pack-signal-'));
    const target = join(dir, 'x.pdf');
    writeFileSync(target, 'previous');
    // A write big enough to be caught half-way, through the writer a build uses (compiled
    // alone from src/, since the CLI ships as one bundle).
    const writer = join(dir, 'write-atomic.mjs');
    buildSync({ entryPoints: [join(repoRoot, 'src', 'output', 'write-atomic.ts')], bundle: true, platform: 'node', format: 'esm', outfile: writer, logLevel: 'error' });
    const script = `
      const { writeFileAtomically } = await import(${JSON.stringify(writer)});
      await writeFileAtomically(${JSON.stringify(target)}, Buffer.alloc(512 * 1024 * 1024, 37));
      console.log('finished');`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, got) => resolve(got)));
    const deadline = Date.now() + 30_000;
    while (!readdirSync(dir).some((name) => name.endsWith('.tmp'))) {
      if (Date.now() > deadline) throw new Error(`no temporary file appeared; output: ${output}`);
      await sleep(2);
    }
    child.kill(signal);
    expect(await exited).toBe(signal);
    expect(output).toBe('');
    expect(readdirSync(dir).filter((name) => name !== 'write-atomic.mjs')).toEqual(['x.pdf']);
    expect(readFileSync(target, 'utf8')).toBe('previous');
  }, 60_000);

  it("a temporary file a killed build left (SIGKILL: no handler runs) goes with the next build of that PDF; a fresh one and others' stay", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prep-pack-abandoned-'));
    const abandoned = join(dir, '.x.pdf.0a1b2c3d.tmp');
    const fresh = join(dir, '.x.pdf.4e5f6a7b.tmp');
    const anotherPdfs = join(dir, '.y.pdf.0a1b2c3d.tmp');
    const notOurs = join(dir, '.x.pdf.notes.tmp');
    for (const path of [abandoned, fresh, anotherPdfs, notOurs]) writeFileSync(path, 'half a PDF');
    const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
    for (const path of [abandoned, anotherPdfs, notOurs]) utimesSync(path, hourAgo, hourAgo);
    const run = await runCli(['build', '--role', 'tl', '--template', coverOnly, '--out', join(dir, 'x.pdf')]);
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['.x.pdf.4e5f6a7b.tmp', '.x.pdf.notes.tmp', '.y.pdf.0a1b2c3d.tmp', 'x.pdf']);
  });

  it('SIGTERM to build --all stops its child too, and no PDF is written after', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'prep-pack-batch-signal-'));
    const batch = spawn(process.execPath, [bin, 'build', '--all', '--template', coverOnly], { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PREP_PACK_CACHE_DIR: join(cwd, '.cache') } });
    let output = '';
    batch.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    batch.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => batch.on('exit', (_code, got) => resolve(got)));
    const deadline = Date.now() + 60_000;
    let children: number[] = [];
    while (!output.includes(' 2/21]') || children.length === 0) {
      if (Date.now() > deadline) throw new Error(`the batch did not start its second pack; output: ${output}`);
      await sleep(20);
      children = spawnSync('pgrep', ['-P', String(batch.pid)], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).map(Number);
    }
    batch.kill('SIGTERM');
    expect(await exited).toBe('SIGTERM');
    // The batch waited for its child: it is gone by the time the batch is.
    expect(children.filter(alive)).toEqual([]);
    const pdfs = () => readdirSync(join(cwd, 'out')).filter((name) => !name.startsWith('.'));
    const atExit = pdfs();
    await sleep(3000);
    expect(pdfs()).toEqual(atExit);
    expect(readdirSync(join(cwd, 'out')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  }, 120_000);
});

describe('build --all judges "unchanged" by the file that is there', () => {
  it('rebuilds a PDF overwritten since, reports a truncated one, shows sizes from disk, and writes only PDFs into out/', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'prep-pack-batch-disk-'));
    const env = { PREP_PACK_CACHE_DIR: join(mkdtempSync(join(tmpdir(), 'prep-pack-cache-')), 'cache') };
    const first = await runCli(['build', '--all', '--template', coverOnly], env, cwd);
    expect(first.stdout).toContain('21 built, 0 unchanged, 0 failed.');

    const overwritten = 'out/staff-google-cover-only.pdf';
    const truncated = 'out/tl-cover-only.pdf';
    const other = await runCli(['build', '--role', 'staff', '--company', 'google', '--template', coverOnly, '--paper', 'a4', '--out', overwritten], env, cwd);
    expect(other.code).toBe(0);
    truncateSync(join(cwd, truncated), 1000);

    const second = await runCli(['build', '--all', '--template', coverOnly], env, cwd);
    expect(second.stdout).toContain('1 built, 19 unchanged, 1 failed.');
    expect(second.stdout).toMatch(new RegExp(`${overwritten}\\s+1\\s+\\d+ KB\\s+[\\d.]+\\s+built`));
    expect(second.stdout).toMatch(new RegExp(`${truncated}\\s+-\\s+-\\s+[\\d.]+\\s+FAILED`));
    expect(second.stderr).toContain(`--out ${truncated} already exists and is not a PDF made by prep-pack (or it is damaged)`);
    expect(second.code).toBe(3);
    // Every size in the table is the file's own, rounded to KB.
    for (const [, file, size] of second.stdout.matchAll(/^(out\/\S+)\s+\d+\s+(\d+) KB/gm)) {
      expect(Math.round(statSync(join(cwd, file!)).size / 1024), file).toBe(Number(size));
    }
    expect(readdirSync(join(cwd, 'out')).filter((name) => !name.endsWith('.pdf'))).toEqual([]);
    expect(readdirSync(cwd)).toEqual(['out']);
  }, 300_000);
});

describe('a cache folder that cannot be used', () => {
  it('is a build that keeps nothing, not a failed one: PREP_PACK_CACHE_DIR naming a file', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'prep-pack-cache-file-'));
    const notAFolder = join(cwd, 'cache');
    writeFileSync(notAFolder, 'a file where the cache folder would be\n');
    // The CLI as installed runs it: its own process, the user's environment.
    const build = (out: string, env: NodeJS.ProcessEnv) =>
      spawnSync(process.execPath, [bin, 'build', '--role', 'staff', '--company', 'google', '--out', out], { cwd, encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '1767225600', ...env } });
    const built = build('pack.pdf', { PREP_PACK_CACHE_DIR: notAFolder });
    expect(built.stderr).toBe('');
    expect(built.status).toBe(0);
    expect(build('plain.pdf', { PREP_PACK_NO_CACHE: '1', PREP_PACK_CACHE_DIR: join(cwd, 'unused') }).status).toBe(0);
    expect(readFileSync(join(cwd, 'pack.pdf')).equals(readFileSync(join(cwd, 'plain.pdf')))).toBe(true);
    expect(readFileSync(notAFolder, 'utf8')).toBe('a file where the cache folder would be\n');
  }, 120_000);
});
