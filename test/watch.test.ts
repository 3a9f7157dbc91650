import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, repoRoot } from './helpers/fixtures.js';
import { readPdf } from './helpers/pdf.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const childrenOf = (pid: number) => spawnSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).map(Number);

describe('build --watch', () => {
  it('sees every save: by rename (twice), in place, in two goes, and a new file; one rebuild per save, in one warm worker', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prep-pack-watch-saves-'));
    cpSync(fixture('content-extra'), join(dir, 'content'), { recursive: true });
    const question = join(dir, 'content', 'questions', 'my-own-question.md');
    const original = readFileSync(question, 'utf8');
    const out = join(dir, 'x.pdf');
    // The cheatsheet lists every question of the pack: a quick build that shows a question's text.
    const child = spawn(process.execPath, [join(repoRoot, 'dist', 'bin.js'), 'build', '--role', 'staff', '--template', 'cheatsheet', '--content', join(dir, 'content'), '--out', out, '--watch'], {
      cwd: dir,
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const count = (pattern: RegExp) => (output.match(new RegExp(pattern, 'g')) ?? []).length;
    const waitForBuild = async (number: number) => {
      const deadline = Date.now() + 60_000;
      while (count(/Watching for changes/) < number) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for build ${number}; output:\n${output}`);
        await sleep(50);
      }
      await sleep(600); // long enough for a second, unwanted rebuild of the same save to start
      expect(count(/building…/), output).toBe(number);
      expect(count(/Wrote .*x\.pdf/), output).toBe(number);
    };
    const asked = (text: string) => original.replace('Tell me about the hardest migration you have led.', text);
    const saveByRename = (text: string) => {
      // How vim, `sed -i` and many editors save: a new file, renamed over the old one.
      writeFileSync(`${question}.saving`, asked(text));
      renameSync(`${question}.saving`, question);
    };
    try {
      await waitForBuild(1);
      expect((await readPdf(out)).text).toContain('hardest migration');
      const worker = childrenOf(child.pid!);
      expect(worker).toHaveLength(1);

      saveByRename('Tell me about a migration named Alpha.');
      await waitForBuild(2);
      expect((await readPdf(out)).text).toContain('migration named Alpha');

      saveByRename('Tell me about a migration named Bravo.');
      await waitForBuild(3);
      expect((await readPdf(out)).text).toContain('migration named Bravo');

      writeFileSync(question, asked('Tell me about a migration named Charlie.'));
      await waitForBuild(4);
      expect((await readPdf(out)).text).toContain('migration named Charlie');
      expect(childrenOf(child.pid!)).toEqual(worker); // the same worker built them all

      // An editor that writes in place in two goes: built once, from the whole file.
      const whole = asked('Tell me about a migration named Echo.');
      const cut = whole.indexOf('named Echo');
      writeFileSync(question, whole.slice(0, cut));
      await sleep(30);
      appendFileSync(question, whole.slice(cut));
      await waitForBuild(5);
      expect((await readPdf(out)).text).toContain('migration named Echo');
      writeFileSync(question, asked('Tell me about a migration named Charlie.'));
      await waitForBuild(6);

      writeFileSync(join(dir, 'content', 'questions', 'a-new-question.md'), asked('Tell me about a rollout named Delta.').replace('id: my-own-question', 'id: a-new-question'));
      await waitForBuild(7);
      const text = (await readPdf(out)).text;
      expect(text).toContain('rollout named Delta');
      expect(text).toContain('migration named Charlie');
    } finally {
      child.kill('SIGINT');
    }
  }, 180_000);
});
