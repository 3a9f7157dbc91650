import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
  const script = `
    const { renderDocumentToPdf } = await import(${JSON.stringify(join(repoRoot, 'dist', 'render', 'engine.js'))});
    const { createElement } = await import('react');
    const { Document } = await import('@react-pdf/renderer');
    const Broken = () => { throw new Error('boom in a component'); };
    const info = { title: 't', subject: 's', keywords: '', creator: 'c', producer: 'p', creationDate: new Date(0), language: 'en' };
    await renderDocumentToPdf(createElement(Document, null, createElement(Broken)), info).then(
      () => console.log('rendered'),
      (error) => console.log('rejected: ' + error.message),
    );`;
  const run = (env: NodeJS.ProcessEnv) =>
    spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: repoRoot, env: { ...process.env, NODE_ENV: 'production', ...env }, encoding: 'utf8' });

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
