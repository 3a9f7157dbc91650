import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { fixture, repoRoot } from './helpers/fixtures.js';

const template = join(repoRoot, 'test', 'fixtures', 'templates', 'cover-only.md');

describe('build --all', () => {
  it('builds every role × company and each role alone, then skips what has not changed', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'prep-pack-batch-'));
    const first = await runCli(['build', '--all', '--template', template], {}, cwd);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^\[ 1\/21\] out\/[a-z-]+-cover-only\.pdf {2}built {2}1 pages {2}[\d.]+ s$/m);
    expect(first.stdout).toMatch(/FILE\s+PAGES\s+SIZE\s+SECONDS\s+STATUS/);
    expect(first.stdout).toMatch(/out\/staff-google-cover-only\.pdf\s+1\s+\d+ KB\s+[\d.]+\s+built/);
    expect(first.stdout).toContain('21 built, 0 unchanged, 0 failed.');

    const second = await runCli(['build', '--all', '--template', template], {}, cwd);
    expect(second.stdout).toContain('0 built, 21 unchanged, 0 failed.');

    // A changed input (here, the template) rebuilds every pack made from it.
    const changed = join(cwd, 'cover-only.md');
    writeFileSync(changed, readFileSync(template, 'utf8').replace('Just a cover', 'Only a cover'));
    const third = await runCli(['build', '--all', '--template', changed], {}, cwd);
    expect(third.stdout).toContain('21 built, 0 unchanged, 0 failed.');
  }, 300_000);

  it('refuses a role or company with --all', async () => {
    const run = await runCli(['build', '--all', '--role', 'staff']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('prep-pack: --all builds every role and company into out/; leave out --role.\n');
  });
});

describe('build --watch', () => {
  it('rebuilds after a change, reports a broken file without exiting, and recovers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prep-pack-watch-'));
    cpSync(fixture('content-extra'), join(dir, 'content'), { recursive: true });
    const question = join(dir, 'content', 'questions', 'my-own-question.md');
    const child = spawn(process.execPath, [join(repoRoot, 'dist', 'bin.js'), 'build', '--role', 'staff', '--template', template, '--content', join(dir, 'content'), '--out', join(dir, 'x.pdf'), '--watch'], {
      cwd: repoRoot,
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const waitFor = async (pattern: RegExp, count: number) => {
      const deadline = Date.now() + 60_000;
      while ((output.match(new RegExp(pattern, 'g')) ?? []).length < count) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; output:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    try {
      await waitFor(/Watching for changes/, 1);
      const original = readFileSync(question, 'utf8');
      writeFileSync(question, original.replace('form: past-behaviour', 'form: past-behavior'));
      await waitFor(/Build failed/, 1);
      expect(output).toContain("my-own-question.md:6:7  form  is 'past-behavior'");
      expect(child.exitCode).toBeNull();
      writeFileSync(question, original);
      await waitFor(/Wrote .*x\.pdf/, 2);
    } finally {
      child.kill('SIGINT');
    }
  }, 120_000);
});
